(() => {
  const res = {};
  const t = (name, f) => { const s = performance.now(); f(); (res[name] = res[name] || []).push(performance.now() - s); };
  const TC = document.body.textContent;
  for (let i = 0; i < 30; i++) {
    t("textContent", () => document.body.textContent);
    t("textContent+indexOf8", () => { const x = document.body.textContent; for (const w of ["nightmare","Gwon","reciprocated","demolished","hypocritical","suffocation","Chunying","stalemate"]) x.indexOf(w); });
    t("treewalker", () => { const w = document.createTreeWalker(document.body, 4); const p = []; for (let n = w.nextNode(); n; n = w.nextNode()) p.push(n.data); return p.join(""); });
    t("walker+indexOf8", () => { const w = document.createTreeWalker(document.body, 4); const p = []; for (let n = w.nextNode(); n; n = w.nextNode()) p.push(n.data); const x = p.join(""); for (const ww of ["nightmare","Gwon","reciprocated","demolished","hypocritical","suffocation","Chunying","stalemate"]) x.indexOf(ww); });
    t("walker+concat", () => { const w = document.createTreeWalker(document.body, 4); let x = ""; for (let n = w.nextNode(); n; n = w.nextNode()) x += n.data; return x.length; });
    t("indexOf8 only (textContent str)", () => { for (const ww of ["nightmare","Gwon","reciprocated","demolished","hypocritical","suffocation","Chunying","stalemate"]) TC.indexOf(ww); });
    t("includes shy/zwsp", () => { TC.includes("\u00AD") || TC.includes("\u200B"); });
    t("nodecount", () => { const w = document.createTreeWalker(document.body, 4); let c=0; for (let n = w.nextNode(); n; n = w.nextNode()) c++; return c; });
  }
  const s = (a) => { const b = [...a].sort((x, y) => x - y); return { min: b[0].toFixed(2), med: b[b.length >> 1].toFixed(2) }; };
  const w = document.createTreeWalker(document.body, 4); let c=0; for (let n = w.nextNode(); n; n = w.nextNode()) c++;
  return { coi: crossOriginIsolated, textNodes: c, ...Object.fromEntries(Object.entries(res).map(([k, v]) => [k, s(v)])) };
})()
