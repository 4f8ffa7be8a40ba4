import { marker, type Dataset } from "../lib/datasets";

/** A row as every contender shows it: date, speaker, quote, stances, and the flag when the statement has one. */
export interface TimelineRow {
  n: number;
  date: string;
  speaker: string;
  quote: string;
  stances: string;
  flag: string;
}

export function timelineRows(data: Dataset): TimelineRow[] {
  const flagged = new Map(data.links.map((l) => [l.from, `⚑ ${l.relation} ${marker(l.to).slice(1, -1)}${l.verdict ? ` · ${l.verdict.replace("_", " ")}` : ""}`]));
  return data.statements.map((s) => ({
    n: s.n, date: s.saidOn, speaker: data.speakers[s.speaker], quote: s.quote,
    stances: s.stances.map((st) => `${data.topics[st.topic]}: ${st.stance}`).join(" · "), flag: flagged.get(s.n) ?? "",
  }));
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const head = (title: string, extra = "") => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title>${extra}</head>`;

/** What a server would render with no script at all: one <li> per statement. `contentVisibility` lets the browser skip off-screen rows. */
export function staticList(rows: TimelineRow[], { contentVisibility = false } = {}): string {
  const css = `<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem}ol{list-style:none;padding:0}
li{display:grid;grid-template-columns:7rem 10rem 1fr;gap:.75rem;padding:.5rem 0;border-bottom:1px solid #ddd}
.q{font-family:Georgia,serif}.s,.f{grid-column:3;font-size:.85rem;color:#555}.f{color:#a04000}
${contentVisibility ? "li{content-visibility:auto;contain-intrinsic-size:auto 5rem}" : ""}</style>`;
  const items = rows.map((r) => `<li><time datetime="${r.date}">${r.date}</time><span>${esc(r.speaker)}</span><p class="q">${esc(r.quote)}</p><p class="s">${esc(r.stances)}</p>${r.flag ? `<p class="f">${esc(r.flag)}</p>` : ""}</li>`);
  return `${head("Timeline (static list)", css)}<body><h1>Timeline</h1><ol>${items.join("")}</ol></body></html>`;
}

/** vis-timeline from its standalone UMD build, one group per speaker, opened on its first two weeks (its "window" preset). */
export function visTimelinePage(): string {
  return `${head("Timeline (vis-timeline)", `<link rel="stylesheet" href="/nm/vis-timeline/styles/vis-timeline-graph2d.min.css">`)}
<body style="margin:0;font:14px system-ui,sans-serif"><div id="tl"></div>
<script src="/nm/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js"></script>
<script>
fetch("/timeline/rows.json").then(r => r.json()).then(rows => {
  const speakers = [...new Set(rows.map(r => r.speaker))];
  const items = new vis.DataSet(rows.map(r => ({ id: r.n, group: speakers.indexOf(r.speaker), start: r.date, content: r.quote.slice(0, 48) + (r.flag ? " ⚑" : ""), title: r.stances })));
  const groups = new vis.DataSet(speakers.map((s, i) => ({ id: i, content: s })));
  const day = 86400000, first = Date.parse(rows[0].date), last = Date.parse(rows[rows.length - 1].date);
  const tl = new vis.Timeline(document.getElementById("tl"), items, groups, { start: first - day, end: first + 14 * day, stack: true, align: "left", orientation: { axis: "top", item: "top" }, maxHeight: 880, verticalScroll: true });
  // The last two weeks, then focus() so the last item is scrolled into view vertically too.
  window.__benchGoToEnd = () => { tl.setWindow(last - 14 * day, last + day, { animation: false }); tl.focus(rows[rows.length - 1].n, { animation: false, zoom: false }); };
});
</script></body></html>`;
}

/** TimelineJS 3 with the same events, its scripts and locale served locally, slide animation shortened to 1 ms. */
export function timelineJsPage(rowsUrl = "/timeline/rows.json"): string {
  return `${head("Timeline (TimelineJS)", `<link rel="stylesheet" href="/nm/@knight-lab/timelinejs/dist/css/timeline.css">`)}
<body style="margin:0"><div id="tl" style="width:100%;height:900px"></div>
<script src="/nm/@knight-lab/timelinejs/dist/js/timeline.js"></script>
<script>
fetch(${JSON.stringify(rowsUrl)}).then(r => r.json()).then(rows => {
  const events = rows.map(r => { const [y, m, d] = r.date.split("-").map(Number); return { unique_id: "e" + r.n, start_date: { year: y, month: m, day: d },
    text: { headline: r.quote, text: r.speaker + " — " + r.stances + (r.flag ? "<br>" + r.flag : "") }, group: r.speaker }; });
  const tl = new TL.Timeline("tl", { events }, { script_path: location.origin + "/nm/@knight-lab/timelinejs/dist/js/", duration: 1, language: "en" });
  window.__benchGoToEnd = () => tl.goToEnd();
});
</script></body></html>`;
}
