/**
 * Seeded filler for the benchmark pages: varied English-like news prose from
 * templates, sentences reused from the fixture pages that are not the
 * article, and paraphrases of the claims (traps: text a fuzzy matcher may
 * take for a claim). Deterministic for a given seed.
 */

/** A small seeded PRNG (mulberry32) with the helpers the generators need. */
export interface Random {
  next(): number;
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max) => Math.floor(next() * max),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (probability) => next() < probability,
  };
}

const FIRST_NAMES = [
  "Maria",
  "James",
  "Aisha",
  "Tomasz",
  "Elena",
  "David",
  "Priya",
  "Samuel",
  "Mei",
  "Lucas",
  "Fatima",
  "Oliver",
  "Hannah",
  "Rafael",
  "Ingrid",
  "Kwame",
  "Sofia",
  "Daniel",
  "Yuki",
  "Martin",
  "Chloe",
  "Ahmed",
  "Grace",
  "Pedro",
  "Nadia",
  "Victor",
  "Laura",
  "Ibrahim",
  "Clara",
  "Jonas",
  "Leila",
  "Patrick",
  "Anna",
  "Mateo",
  "Rosa",
  "Henrik",
];
const LAST_NAMES = [
  "Okafor",
  "Lindqvist",
  "Moreau",
  "Castillo",
  "Brennan",
  "Nakamura",
  "Haddad",
  "Kowalski",
  "Fischer",
  "Mensah",
  "Romero",
  "Sato",
  "Novak",
  "Alvarez",
  "Whitfield",
  "Petrov",
  "Costa",
  "Jensen",
  "Ferreira",
  "Dubois",
  "Reyes",
  "Marsh",
  "Kaplan",
  "Osei",
  "Varga",
  "Holloway",
  "Bianchi",
  "Lambert",
  "Tanaka",
  "Weber",
  "Quinn",
  "Doyle",
];
const TITLES = [
  "the city's mayor",
  "the health minister",
  "a senior economist",
  "the county sheriff",
  "the finance minister",
  "a spokeswoman for the ministry",
  "the union's general secretary",
  "the head of the port authority",
  "the school board chair",
  "a senior diplomat",
  "the opposition leader",
  "the central bank governor",
  "a regional prosecutor",
  "the coach",
  "the company's chief executive",
  "a climate scientist",
  "the transport secretary",
  "the chair of the planning committee",
  "a hospital director",
  "the governor",
];
const ORGANISATIONS = [
  "the central bank",
  "the city council",
  "the transport authority",
  "the national weather service",
  "the health ministry",
  "the football association",
  "the electoral commission",
  "the teachers' union",
  "the energy regulator",
  "the port authority",
  "the planning committee",
  "the state broadcaster",
  "the competition watchdog",
  "the statistics office",
  "the water utility",
  "the chamber of commerce",
  "the university",
  "the coast guard",
  "the housing agency",
  "the airport operator",
];
const PLACES = [
  "Lisbon",
  "Osaka",
  "Nairobi",
  "Toronto",
  "Rotterdam",
  "Melbourne",
  "Krakow",
  "Lagos",
  "Seattle",
  "Valencia",
  "Hamburg",
  "Manila",
  "Denver",
  "Porto Alegre",
  "Glasgow",
  "Accra",
  "Bergen",
  "Leeds",
  "Tucson",
  "Halifax",
  "the capital",
  "the northern provinces",
  "the coastal towns",
  "the river valley",
  "the eastern suburbs",
];
const COUNTRIES = [
  "Japan",
  "Brazil",
  "Kenya",
  "Canada",
  "Germany",
  "Australia",
  "Poland",
  "Nigeria",
  "Mexico",
  "Norway",
  "Indonesia",
  "Chile",
  "Ireland",
  "Vietnam",
  "Morocco",
  "Portugal",
  "Turkey",
  "India",
  "Spain",
  "Ghana",
];
const DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Saturday", "on Sunday", "last week"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const SUBJECTS = [
  "rents",
  "bus fares",
  "the budget",
  "the new stadium",
  "flood defences",
  "the harbour bridge",
  "school meals",
  "wind farms",
  "the rail strike",
  "hospital waiting lists",
  "the pension reform",
  "broadband coverage",
  "fuel prices",
  "the recycling scheme",
  "the marathon",
  "the trade deal",
  "the vaccine rollout",
  "tourism",
  "the minimum wage",
  "the housing plan",
  "the election",
  "water quality",
  "cycling lanes",
  "the heatwave",
];
const VERBS = [
  "review",
  "expand",
  "delay",
  "scrap",
  "fund",
  "overhaul",
  "defend",
  "extend",
  "reconsider",
  "approve",
  "cap",
  "investigate",
  "challenge",
  "postpone",
  "simplify",
  "rebuild",
];
const NOUNS = [
  "plans",
  "rules",
  "spending",
  "forecast",
  "programme",
  "strategy",
  "licence",
  "subsidy",
  "timetable",
  "contract",
  "guidance",
  "targets",
  "proposal",
  "inquiry",
  "tender",
];
const ADJECTIVES = [
  "sharp",
  "modest",
  "unexpected",
  "long-awaited",
  "controversial",
  "cautious",
  "record",
  "steady",
  "fragile",
  "costly",
  "ambitious",
  "gradual",
  "surprising",
  "temporary",
];

/** Sentence templates: {slot} is filled from the lists above. */
const TEMPLATES = [
  "{Name}, {title}, said {day} that {org} would {verb} its {noun} for {subject} before the end of {month}.",
  "Officials in {place} warned of a {adj} rise in {subject} after {org} published its latest figures.",
  "{Org} has agreed to {verb} the {noun}, ending months of uncertainty over {subject}.",
  "The decision to {verb} {subject} was welcomed by residents of {place}, though critics called it {adj}.",
  "According to {org}, {number} per cent of households in {place} were affected by changes to {subject}.",
  "{Name} told reporters {day} that the {noun} had been {adj} but necessary, and that talks would resume in {month}.",
  "Shares in {country}'s largest lenders fell {number} per cent {day} amid concern over {subject}.",
  "A {adj} report from {org} found that {subject} had cost taxpayers more than {number} million last year.",
  "Protesters gathered outside the offices of {org} in {place}, demanding that it {verb} its {noun}.",
  "The minister said the government would not {verb} the {noun}, despite pressure over {subject}.",
  "In {place}, {number} people attended a public meeting on {subject}, many of them angry about the {noun}.",
  "{Name} of {org} said the figures showed a {adj} improvement, but warned against reading too much into one month.",
  "Forecasters expect {adj} weather across {place} until {month}, with warnings in force for {subject}.",
  "Negotiators from {country} and {country2} met in {place} {day} to discuss {subject} and a new {noun}.",
  "The {noun} will be published in {month}, {title} said, after a consultation on {subject}.",
  "Visitors to {place} will see changes to {subject} from {month}, when the new {noun} takes effect.",
  "Critics say the {noun} does little for {subject}, while supporters point to a {adj} fall in costs.",
  "{Title} declined to comment on the {noun} but said {org} was monitoring {subject} closely.",
  "The team from {place} won {number} of its last {number2} matches, a {adj} run that has lifted hopes of a title.",
  "Local businesses in {place} said the {noun} had come too late for many of them.",
  "Economists had expected a {adj} slowdown, but the data released {day} pointed to growth of {number} per cent.",
  "{Name} has led {org} since {month} and is expected to {verb} the {noun} before stepping down.",
  "The court in {place} adjourned the case until {month}, after lawyers asked for more time to examine the {noun}.",
  "Talks between {org} and the unions broke up {day} without agreement on {subject}.",
  "A spokesman for {org} said the {noun} was under review and that no decision had been taken on {subject}.",
  "Ministers from {country} said they would {verb} their {noun} after a {adj} year for {subject}.",
  "The festival returns to {place} in {month}, with organisers promising a {adj} programme and cheaper tickets.",
  "Scientists at {org} say {subject} could double by {year} unless the {noun} is changed.",
];

const CAPITALISED = new Set(["Name", "Org", "Title"]);

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function personName(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

/** One generated sentence. */
export function generatedSentence(random: Random): string {
  const template = random.pick(TEMPLATES);
  const sentence = template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    const key = slot.toLowerCase();
    let value: string;
    switch (key) {
      case "name":
        value = personName(random);
        break;
      case "title":
        value = random.pick(TITLES);
        break;
      case "org":
        value = random.pick(ORGANISATIONS);
        break;
      case "place":
        value = random.pick(PLACES);
        break;
      case "country":
      case "country2":
        value = random.pick(COUNTRIES);
        break;
      case "day":
        value = random.pick(DAYS);
        break;
      case "month":
        value = random.pick(MONTHS);
        break;
      case "subject":
        value = random.pick(SUBJECTS);
        break;
      case "verb":
        value = random.pick(VERBS);
        break;
      case "noun":
        value = random.pick(NOUNS);
        break;
      case "adj":
        value = random.pick(ADJECTIVES);
        break;
      case "number":
      case "number2":
        value = String(2 + random.int(48));
        break;
      case "year":
        value = String(2030 + random.int(20));
        break;
      default:
        value = slot;
    }
    return CAPITALISED.has(slot) ? capitalise(value) : value;
  });
  return capitalise(sentence);
}

/**
 * Paraphrases of the 14 claims, none with the article's rare words: close
 * enough in wording to tempt a fuzzy matcher, but not the article's text.
 */
export const CLAIM_PARAPHRASES = [
  "The announcement by South Korean Unification Minister Kim Yeon-chul on Monday came as a surprise to Seoul.",
  "The statement by North Korean Foreign Minister Ri Yong Ho on Tuesday drew a quick response from Tokyo.",
  "The visit marked the first anniversary of the second summit between President Donald Trump and the North's leader Kim Jong-un in Hanoi.",
  "It came on the second anniversary of the historic meeting between President Moon Jae-in and the North's leader Kim Jong-un.",
  "Kim and Trump met in Hanoi on February 27, 2019, but the talks ended without a deal.",
  "Kim and Moon met in Panmunjom on April 27, 2018, the first of three meetings that year.",
  "After the Singapore meeting, the North took a few steps towards denuclearization that it says the US never returned.",
  "Analysts said the North took several measures towards disarmament as a goodwill gesture that went unanswered in Washington.",
  "In the months after the summit, Pyongyang dismantled a missile engine test site near the Chinese border.",
  "Satellite images suggest Pyongyang rebuilt part of a rocket test site it had promised to dismantle.",
  "The North suspended its long-range missile and nuclear tests in April 2018.",
  "Those programmes have long been the target of tough international sanctions imposed by the UN.",
  "Trump, who has met with Kim three times since 2018, says the two men still have a good relationship.",
  "The administration has so far refused to ease any of the sanctions on the North until it disarms.",
  "He said the past two years of talks had produced little beyond photo opportunities.",
  "The two leaders last met in June at the border village, but later working-level talks stalled.",
  "A subsequent working-level meeting in Stockholm broke down over the US's old stance, the North said.",
  "A day after it threatened to cut all communication lines with the South, the North stepped up its rhetoric.",
  "Foreign Ministry spokesman Zhao Lijian said Beijing hoped both sides would return to dialogue.",
  "Foreign Ministry spokesman Wang Wenbin urged restraint on the peninsula.",
];

/** The article's rare words (the detector's pre-filter) and anything from its seed must stay out of the filler. */
export const RARE_WORDS = [
  "nightmare",
  "gwon",
  "reciprocated",
  "demolished",
  "hypocritical",
  "suffocation",
  "chunying",
  "stalemate",
];

/** Whether `text` contains any of the article's rare words (case-insensitive). */
export function hasRareWord(text: string): boolean {
  const lower = text.toLowerCase();
  return RARE_WORDS.some((word) => lower.includes(word));
}

/**
 * Text lines of other fixture pages (tags stripped, entities roughly
 * decoded), without the article's rare words or any line of the seed.
 */
export function harvestSentences(html: readonly string[], seed: string): string[] {
  const seedText = seed.replace(/\s+/g, " ");
  const lines = new Set<string>();
  for (const page of html) {
    const text = page
      .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1>/gi, " ")
      .replace(/<[^>]+>/g, "\n")
      .replace(/&nbsp;|&#160;/g, " ")
      .replace(/&amp;/g, "&")
      .replace(/&#8217;|&rsquo;|&#39;/g, "’")
      .replace(/&[a-z0-9#]+;/gi, " ");
    for (const raw of text.split(/\n+/)) {
      const line = raw.replace(/\s+/g, " ").trim();
      if (line.length < 60 || line.length > 600 || !line.includes(" ")) continue;
      if (hasRareWord(line) || seedText.includes(line)) continue;
      lines.add(line);
    }
  }
  return [...lines];
}

/** A source of filler text: generated sentences mixed with harvested ones. */
export interface Prose {
  sentence(): string;
  paragraph(sentences: number): string;
  headline(): string;
  /** A claim paraphrase, in turn. */
  paraphrase(): string;
  name(): string;
  random: Random;
}

export function createProse(random: Random, harvested: readonly string[]): Prose {
  let nextParaphrase = 0;
  const sentence = () =>
    harvested.length > 0 && random.chance(0.25) ? random.pick(harvested) : generatedSentence(random);
  return {
    random,
    sentence,
    paragraph: (count) => Array.from({ length: count }, sentence).join(" "),
    headline: () => {
      const text = generatedSentence(random).replace(/\.$/, "");
      const words = text.split(" ");
      return words.slice(0, 6 + random.int(7)).join(" ");
    },
    paraphrase: () => CLAIM_PARAPHRASES[nextParaphrase++ % CLAIM_PARAPHRASES.length],
    name: () => personName(random),
  };
}
