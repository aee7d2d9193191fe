/**
 * The benchmark's pages, generated deterministically (seeded) in memory:
 *
 * - `heavy-article`: a heavy news page (header with a mega-menu, ticker, two
 *   sidebars, teaser grids, a live blog, a comment thread, footer; about
 *   400 KB of text and 8,000 elements) with the article of
 *   test/fixtures/pages/news-cms.html (`article#the-post`, ads and all)
 *   in the middle;
 * - `heavy-no-article`: the same page without the article: no rare word of
 *   the article anywhere, but paraphrases of its claims;
 * - `heavy-perturbed`: the article page with the article body's typography
 *   changed: straight quotes, `&nbsp;`, soft hyphens in every long word and
 *   inline spans splitting words;
 * - `news-cms`: the fixture page itself, for scale.
 *
 * The article body (`.entry-content`) carries `data-bench-article-body`, so
 * that the in-page check knows where the right anchors lie.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createProse, createRandom, harvestSentences, hasRareWord, type Prose, type Random } from "./prose";

/** One generated page. */
export interface BenchPage {
  id: string;
  title: string;
  html: string;
  /** Whether the article is on the page (anchors outside it are wrong by definition). */
  hasArticle: boolean;
}

const SEED = 20200612;

const ARTICLE_BODY_OPEN = '<div class="entry-content entry clearfix">';
const ARTICLE_BODY_MARKED = '<div class="entry-content entry clearfix" data-bench-article-body>';

const SECTIONS = [
  "World",
  "Politics",
  "Business",
  "Markets",
  "Technology",
  "Science",
  "Health",
  "Sport",
  "Culture",
  "Travel",
  "Opinion",
  "Local",
];

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}

function time(random: Random): string {
  const day = 1 + random.int(28);
  const hour = random.int(24);
  return `<time datetime="2020-06-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00Z">June ${day}, 2020</time>`;
}

/** A teaser card: 13 elements, headline, excerpt (sometimes a claim paraphrase), meta. */
function card(prose: Prose, section: string, sentences: number): string {
  const { random } = prose;
  const headline = escapeHtml(prose.headline());
  const href = `/${slug(section)}/2020/06/${slug(headline)}`;
  const excerptSentences = Array.from({ length: sentences }, () => prose.sentence());
  if (random.chance(0.12)) excerptSentences[random.int(excerptSentences.length)] = prose.paraphrase();
  return (
    `<article class="card card--${random.pick(["standard", "wide", "compact"])}">` +
    `<a class="card__media" href="${href}"><img loading="lazy" data-src="/img/${random.int(1e6)}.jpg" alt="${headline}" width="300" height="169"></a>` +
    `<div class="card__body"><span class="card__kicker"><a href="/${slug(section)}/">${section}</a></span>` +
    `<h3 class="card__title"><a href="${href}">${headline}</a></h3>` +
    `<p class="card__excerpt">${escapeHtml(excerptSentences.join(" "))}</p>` +
    `<div class="card__meta"><span class="card__byline">By ${prose.name()}</span>${time(random)}` +
    `<span class="card__comments">${random.int(400)}</span></div></div></article>\n`
  );
}

function megaMenu(prose: Prose): string {
  const { random } = prose;
  const items = SECTIONS.map((section) => {
    const columns = Array.from({ length: 4 }, () => {
      const links = Array.from(
        { length: 10 },
        () =>
          `<li><a href="/${slug(section)}/${random.int(1e5)}">${escapeHtml(prose.headline().split(" ").slice(0, 3).join(" "))}</a></li>`,
      ).join("");
      return `<div class="mega-col"><h4>${escapeHtml(prose.headline().split(" ").slice(0, 2).join(" "))}</h4><ul>${links}</ul></div>`;
    }).join("");
    const featured = Array.from(
      { length: 3 },
      () =>
        `<div class="mega-featured"><a href="/${slug(section)}/${random.int(1e5)}"><img data-src="/img/${random.int(1e6)}.jpg" alt=""><span>${escapeHtml(prose.headline())}</span></a></div>`,
    ).join("");
    return `<li class="menu-item has-mega"><a href="/${slug(section)}/">${section}</a><div class="mega-menu">${columns}${featured}</div></li>`;
  }).join("\n");
  return `<nav class="main-nav" aria-label="Sections"><ul class="menu">${items}</ul></nav>`;
}

function header(prose: Prose): string {
  const { random } = prose;
  const topLinks = ["Subscribe", "Sign in", "Newsletters", "Podcasts", "Puzzles", "Jobs", "Events", "Shop"]
    .map((label) => `<li><a href="/${slug(label)}">${label}</a></li>`)
    .join("");
  const ticker = Array.from(
    { length: 20 },
    () => `<li class="ticker__item"><a href="/live/${random.int(1e5)}">${escapeHtml(prose.headline())}</a></li>`,
  ).join("");
  return (
    `<div class="top-bar"><span class="top-bar__date">Saturday, June 13, 2020</span><span class="top-bar__weather">Cloudy, 18°C</span><ul class="top-bar__links">${topLinks}</ul></div>\n` +
    `<header class="site-header"><a class="logo" href="/"><img data-src="/img/logo.svg" alt="The Harbour Courier"><span class="logo__text">The Harbour Courier</span></a>` +
    `<form class="search" role="search" action="/search"><input type="search" name="q" placeholder="Search"><button type="submit">Search</button></form>\n` +
    `${megaMenu(prose)}</header>\n` +
    `<div class="ticker"><span class="ticker__label">Breaking</span><ul>${ticker}</ul></div>\n`
  );
}

function leftSidebar(prose: Prose): string {
  const { random } = prose;
  const mostRead = Array.from(
    { length: 10 },
    (_, index) =>
      `<li class="most-read__item"><span class="rank">${index + 1}</span><a href="/story/${random.int(1e6)}">${escapeHtml(prose.headline())}</a></li>`,
  ).join("");
  const latest = Array.from(
    { length: 30 },
    () =>
      `<li class="latest__item">${time(random)}<a href="/story/${random.int(1e6)}">${escapeHtml(prose.headline())}</a><p>${escapeHtml(prose.sentence())}</p></li>`,
  ).join("");
  const poll = Array.from(
    { length: 4 },
    (_, index) =>
      `<label><input type="radio" name="poll" value="${index}"> ${escapeHtml(prose.headline().split(" ").slice(0, 4).join(" "))}</label>`,
  ).join("");
  return (
    `<aside class="sidebar sidebar--left"><section class="widget most-read"><h2>Most read</h2><ol>${mostRead}</ol></section>` +
    `<section class="widget latest"><h2>Latest</h2><ul>${latest}</ul></section>` +
    `<section class="widget newsletter-box"><h2>Morning briefing</h2><p>${escapeHtml(prose.paragraph(2))}</p><form><input type="email" placeholder="Email address"><button>Sign up</button></form></section>` +
    `<section class="widget poll"><h2>Poll</h2><p>${escapeHtml(prose.sentence())}</p><form>${poll}<button>Vote</button></form></section></aside>\n`
  );
}

function rightSidebar(prose: Prose): string {
  const { random } = prose;
  const rows = Array.from({ length: 40 }, () => {
    const value = (1000 + random.next() * 30000).toFixed(2);
    const change = (random.next() * 6 - 3).toFixed(2);
    return `<tr><th scope="row">${escapeHtml(prose.headline().split(" ").slice(0, 2).join(" "))}</th><td>${value}</td><td class="${Number(change) < 0 ? "down" : "up"}">${change}%</td><td>${random.int(900)}M</td><td>${time(random)}</td></tr>`;
  }).join("");
  const tags = Array.from(
    { length: 80 },
    () =>
      `<a class="tag" href="/tag/${random.int(1e5)}">${escapeHtml(prose.headline().split(" ").slice(0, 2).join(" "))}</a>`,
  ).join(" ");
  const opinion = Array.from({ length: 15 }, () => card(prose, "Opinion", 2)).join("");
  const videos = Array.from(
    { length: 12 },
    () =>
      `<li class="video"><a href="/video/${random.int(1e6)}"><img data-src="/img/${random.int(1e6)}.jpg" alt=""><span class="video__duration">${1 + random.int(9)}:${String(random.int(60)).padStart(2, "0")}</span><span class="video__title">${escapeHtml(prose.headline())}</span></a></li>`,
  ).join("");
  return (
    `<aside class="sidebar sidebar--right"><section class="widget markets"><h2>Markets</h2><table><thead><tr><th>Index</th><th>Value</th><th>Change</th><th>Volume</th><th>Updated</th></tr></thead><tbody>${rows}</tbody></table></section>` +
    `<section class="widget trending"><h2>Trending</h2><div class="tags">${tags}</div></section>` +
    `<section class="widget opinion"><h2>Opinion</h2>${opinion}</section>` +
    `<section class="widget videos"><h2>Watch</h2><ul>${videos}</ul></section></aside>\n`
  );
}

function comments(prose: Prose, count: number): string {
  const { random } = prose;
  const one = (depth: number): string => {
    const sentences = Array.from({ length: 3 + random.int(6) }, () => prose.sentence());
    if (random.chance(0.15)) sentences.splice(random.int(sentences.length), 0, prose.paraphrase());
    const paragraphs = [];
    for (let index = 0; index < sentences.length; index += 3) {
      paragraphs.push(`<p>${escapeHtml(sentences.slice(index, index + 3).join(" "))}</p>`);
    }
    const name = prose.name();
    return (
      `<li class="comment depth-${depth}"><article class="comment-body"><footer class="comment-meta"><img class="avatar" data-src="/avatar/${random.int(1e6)}.png" alt="" width="40" height="40">` +
      `<b class="fn"><a href="/user/${slug(name)}">${name}</a></b>${time(random)}</footer>` +
      `<div class="comment-content">${paragraphs.join("")}</div><div class="reply"><a class="comment-reply-link" href="#reply">Reply</a></div></article>`
    );
  };
  const items: string[] = [];
  for (let index = 0; index < count; ) {
    let thread = one(1);
    index++;
    const replies = random.int(4);
    if (replies > 0) {
      const children: string[] = [];
      for (let reply = 0; reply < replies && index < count; reply++, index++) children.push(`${one(2)}</li>`);
      thread += `<ol class="children">${children.join("")}</ol>`;
    }
    items.push(`${thread}</li>\n`);
  }
  return `<section id="comments" class="comments-area"><h2 class="comments-title">${count} comments</h2><ol class="comment-list">${items.join("")}</ol></section>\n`;
}

function liveBlog(prose: Prose, entries: number): string {
  const { random } = prose;
  const items = Array.from({ length: entries }, () => {
    const paragraphs = Array.from(
      { length: 2 + random.int(3) },
      () => `<p>${escapeHtml(prose.paragraph(2 + random.int(3)))}</p>`,
    );
    if (random.chance(0.15)) paragraphs.push(`<p>${escapeHtml(prose.paraphrase())}</p>`);
    return `<div class="live-entry">${time(random)}<h4>${escapeHtml(prose.headline())}</h4>${paragraphs.join("")}</div>`;
  }).join("\n");
  return `<section class="live-blog"><h2>Live: the day's news as it happens</h2>${items}</section>\n`;
}

function footer(prose: Prose): string {
  const { random } = prose;
  const columns = SECTIONS.slice(0, 6)
    .map((section) => {
      const links = Array.from(
        { length: 15 },
        () =>
          `<li><a href="/${slug(section)}/${random.int(1e5)}">${escapeHtml(prose.headline().split(" ").slice(0, 3).join(" "))}</a></li>`,
      ).join("");
      return `<div class="footer-col"><h4>${section}</h4><ul>${links}</ul></div>`;
    })
    .join("");
  return (
    `<footer class="site-footer"><div class="footer-cols">${columns}</div>` +
    `<div class="legal"><p>${escapeHtml(prose.paragraph(4))}</p><p>${escapeHtml(prose.paragraph(3))}</p><p>© 2020 The Harbour Courier. All rights reserved.</p></div></footer>\n`
  );
}

const STYLE = `<style>
body{margin:0;font:16px/1.5 Georgia,serif;color:#222}
.top-bar,.ticker{font:13px Arial,sans-serif;background:#f3f3f3;padding:4px 12px}
.main-nav .menu{display:flex;gap:12px;list-style:none;margin:0;padding:8px 12px;background:#111}
.main-nav a{color:#fff}.mega-menu{display:none}
.layout{display:grid;grid-template-columns:240px 1fr 300px;gap:24px;max-width:1400px;margin:0 auto}
.card{display:grid;grid-template-columns:120px 1fr;gap:8px;margin:12px 0}.card img{width:120px;height:68px;background:#ddd}
.grid{display:grid;grid-template-columns:repeat(3,1fr);gap:16px}
.comment-list,.children{list-style:none}
.site-footer{background:#111;color:#ccc;padding:24px}
</style>`;

/** The heavy page around `article` (empty: no article). */
function heavyPage(article: string, seed: number, harvested: readonly string[]): string {
  const prose = createProse(createRandom(seed), harvested);
  const parts: string[] = [];
  parts.push(header(prose));
  parts.push('<div class="layout">');
  parts.push(leftSidebar(prose));
  parts.push('<main class="main-col" role="main">');
  parts.push(
    `<section class="top-stories"><h2>Top stories</h2><div class="grid">${Array.from({ length: 60 }, () => card(prose, prose.random.pick(SECTIONS), 4)).join("")}</div></section>\n`,
  );
  parts.push(liveBlog(prose, 95));
  const beforeArticle = parts.join("");
  const afterParts: string[] = [];
  afterParts.push(comments(prose, 170));
  afterParts.push(
    `<section class="more-stories related-posts"><h2>More stories</h2><div class="grid">${Array.from({ length: 165 }, () => card(prose, prose.random.pick(SECTIONS), 4)).join("")}</div></section>\n`,
  );
  afterParts.push("</main>");
  afterParts.push(rightSidebar(prose));
  afterParts.push("</div>");
  afterParts.push(footer(prose));
  const filler = beforeArticle + afterParts.join("");
  if (hasRareWord(filler)) throw new Error("the generated filler contains one of the article's rare words");
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>The Harbour Courier</title>${STYLE}</head>\n` +
    `<body class="home page-template has-sidebar">\n<div id="page" class="site">\n${beforeArticle}\n${article}\n${afterParts.join("")}</div>\n</body></html>\n`
  );
}

/** `article#the-post` of news-cms.html, its body marked. */
function fixtureArticle(newsCms: string): string {
  const match = /<article id="the-post"[\s\S]*?<\/article>/.exec(newsCms);
  if (!match?.[0].includes(ARTICLE_BODY_OPEN)) throw new Error("news-cms.html: article#the-post not found");
  return match[0].replace(ARTICLE_BODY_OPEN, ARTICLE_BODY_MARKED);
}

/**
 * Typography of the article body's paragraphs and subheading changed, as
 * other sites and tools print it: straight quotes for curly ones, some
 * spaces as `&nbsp;`, a soft hyphen in every word of 9 letters or more (as
 * hyphenation scripts do: this hides most of the rare words from a plain
 * `indexOf`), and some words split by an inline `<span>`.
 */
function perturbArticle(article: string, random: Random): string {
  const start = article.indexOf(ARTICLE_BODY_MARKED);
  const end = article.indexOf("</div><!-- .entry-content /-->");
  if (start === -1 || end === -1) throw new Error("article body not found");
  const perturbText = (text: string): string =>
    text
      .replace(/[“”]/g, '"')
      .replace(/[‘’]/g, "'")
      .split(/(\s+)/)
      .map((token) => {
        if (/^\s+$/.test(token)) return random.chance(0.2) ? "&nbsp;" : token;
        return token.replace(/[A-Za-z]{6,}/g, (word) => {
          if (word.length >= 9) {
            const at = 3 + random.int(word.length - 6);
            return `${word.slice(0, at)}&shy;${word.slice(at)}`;
          }
          if (random.chance(0.2)) {
            const at = 2 + random.int(word.length - 3);
            return `${word.slice(0, at)}<span class="hl">${word.slice(at)}</span>`;
          }
          return word;
        });
      })
      .join("");
  const body = article.slice(start, end).replace(/<(p|h3)>([\s\S]*?)<\/\1>/g, (_, tag: string, inner: string) => {
    // Only text between tags and entities changes; markup stays as it is.
    const changed = inner
      .split(/(<[^>]+>|&[#a-z0-9]+;)/i)
      .map((piece, index) => (index % 2 === 1 ? piece : perturbText(piece)))
      .join("");
    return `<${tag}>${changed}</${tag}>`;
  });
  return article.slice(0, start) + body + article.slice(end);
}

/** The heavy page's filler, with `article` where the article goes. */
function heavyParts(seed: number, harvested: readonly string[]): { before: string; after: string } {
  const html = heavyPage("", seed, harvested);
  const start = html.indexOf('<div id="page" class="site">\n') + '<div id="page" class="site">\n'.length;
  const end = html.lastIndexOf("</div>\n</body>");
  const body = html.slice(start, end);
  const cut = body.indexOf('<section id="comments"');
  return { before: body.slice(0, cut === -1 ? body.length : cut), after: cut === -1 ? "" : body.slice(cut) };
}

function pageAround(title: string, body: string, extraHead = ""): string {
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${STYLE}${extraHead}</head>\n` +
    `<body class="home page-template">\n<div id="page" class="site">\n${body}</div>\n</body></html>\n`
  );
}

/**
 * A market-data table of `rows` rows of four cells (five elements a row):
 * the bulk of a page with tens of thousands of elements.
 */
function marketTable(random: Random, rows: number): string {
  const lines: string[] = ['<table class="quotes"><tbody>'];
  for (let row = 0; row < rows; row++) {
    const price = (10 + random.int(9000) / 10).toFixed(2);
    const change = (random.int(800) / 100 - 4).toFixed(2);
    lines.push(`<tr><td>SYM${row}</td><td>${price}</td><td>${change}%</td><td>${random.int(90000)}</td></tr>`);
  }
  lines.push("</tbody></table>");
  return lines.join("\n");
}

/**
 * The pages that must never see a long task from the extension, generated
 * in memory (the same bytes every run):
 *
 * - `huge-5mb`: the heavy page's filler seven times over (about 5 MB of
 *   markup, 56,000 elements), the article in the middle;
 * - `elements-50k` / `elements-50k-no-article`: the heavy page with a
 *   9,000-row market table (about 53,000 elements), with and without the
 *   article;
 * - `mutation-storm`: the heavy article page with a live ticker its script
 *   rewrites about 5,000 times a second, for as long as the page is open.
 */
export function buildHugePages(root: string): BenchPage[] {
  const pagesDir = join(root, "test", "fixtures", "pages");
  const read = (name: string) => readFileSync(join(pagesDir, name), "utf8");
  const seed = readFileSync(join(root, "test", "fixtures", "article", "seed-article.txt"), "utf8");
  const harvested = harvestSentences(
    ["unrelated-300k.html", "unrelated.html", "headline-only.html", "other-nk-article.html"].map(read),
    seed,
  );
  const article = fixtureArticle(read("news-cms.html"));
  const filler = heavyParts(SEED, harvested);
  const copies = Array.from({ length: 7 }, (_, copy) => heavyParts(SEED + 10 + copy, harvested));
  const huge = copies.map((part, copy) => part.before + (copy === 3 ? article : "") + part.after).join("\n");
  const table = marketTable(createRandom(SEED + 2), 9000);
  const storm = `<script>
document.addEventListener("DOMContentLoaded", () => {
  const ticker = document.createElement("div");
  ticker.className = "storm-ticker";
  document.body.prepend(ticker);
  let tick = 0;
  const burst = () => {
    for (let i = 0; i < 20; i++) {
      const item = document.createElement("span");
      item.textContent = "Index " + (tick++ % 997) + " " + (Math.sin(tick) * 100).toFixed(2);
      ticker.replaceChildren(item);
    }
    setTimeout(burst, 4);
  };
  burst();
});
</script>`;
  return [
    {
      id: "huge-5mb",
      title: "5 MB page with the article",
      html: pageAround("The Harbour Courier", huge),
      hasArticle: true,
    },
    {
      id: "elements-50k",
      title: "50,000 elements with the article",
      html: pageAround("The Harbour Courier", filler.before + article + table + filler.after),
      hasArticle: true,
    },
    {
      id: "elements-50k-no-article",
      title: "50,000 elements, no article",
      html: pageAround("The Harbour Courier", filler.before + table + filler.after),
      hasArticle: false,
    },
    {
      id: "mutation-storm",
      title: "article page mutating 5,000 times a second",
      html: pageAround("The Harbour Courier", filler.before + article + filler.after, storm),
      hasArticle: true,
    },
  ];
}

/** All benchmark pages. `root` is the repository's root. */
export function buildPages(root: string): BenchPage[] {
  const pagesDir = join(root, "test", "fixtures", "pages");
  const read = (name: string) => readFileSync(join(pagesDir, name), "utf8");
  const newsCms = read("news-cms.html");
  const seed = readFileSync(join(root, "test", "fixtures", "article", "seed-article.txt"), "utf8");
  const harvested = harvestSentences(
    ["unrelated-300k.html", "unrelated.html", "headline-only.html", "other-nk-article.html"].map(read),
    seed,
  );
  const article = fixtureArticle(newsCms);
  const perturbed = perturbArticle(article, createRandom(SEED + 1));
  return [
    {
      id: "heavy-no-article",
      title: "heavy page, no article",
      html: heavyPage("", SEED, harvested),
      hasArticle: false,
    },
    {
      id: "heavy-article",
      title: "heavy page with the article",
      html: heavyPage(article, SEED, harvested),
      hasArticle: true,
    },
    {
      id: "heavy-perturbed",
      title: "heavy page, article perturbed",
      html: heavyPage(perturbed, SEED, harvested),
      hasArticle: true,
    },
    {
      id: "news-cms",
      title: "news-cms.html (fixture, light)",
      html: newsCms.replace(ARTICLE_BODY_OPEN, ARTICLE_BODY_MARKED),
      hasArticle: true,
    },
  ];
}
