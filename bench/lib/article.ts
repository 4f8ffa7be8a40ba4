import { prng } from "./prng";

const WORDS = ("negotiations ceasefire regions troops withdrawal talks conditions minister president government security guarantees " +
  "border sanctions referendum territory delegation proposal document agreement summit envoy statement interview press conference " +
  "offensive counteroffensive corridor grain exports energy infrastructure shelling frontline reserves mobilisation neutrality alliance " +
  "membership treaty memorandum framework parliament decree spokesman adviser official ambassador council resolution observers " +
  "monitoring mission humanitarian prisoners exchange recognition sovereignty annexation occupation liberation reconstruction aid " +
  "weapons artillery drones missiles air defence sea port bridge railway refinery pipeline reactor plant election mandate legitimacy " +
  "the a of to in and that for on with as by at from was is said would will could should must not never again before after " +
  "however while because although earlier later today yesterday week month year spring summer autumn winter first second final").split(" ");

/** A 100,000-character plain-text article: paragraphs of sentences, separated by one blank line (as Claimline stores them). */
export function generateArticle(length = 100_000, seed = 42): string {
  const r = prng(seed);
  const paragraphs: string[] = [];
  let total = 0;
  while (total < length) {
    const sentences: string[] = [];
    const count = r.int(3, 7);
    for (let s = 0; s < count; s++) {
      const words = Array.from({ length: r.int(8, 24) }, () => r.pick(WORDS));
      words[0] = words[0][0].toUpperCase() + words[0].slice(1);
      sentences.push(words.join(" ") + r.pick([".", ".", ".", "?", "!"]));
    }
    const p = sentences.join(" ");
    paragraphs.push(p);
    total += p.length + 2;
  }
  return paragraphs.join("\n\n").slice(0, length).trimEnd();
}

/** A statement's anchor: TextQuote (exact, prefix, suffix) and TextPosition (start, end) into the snapshot text. */
export interface Anchor {
  id: number;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  /** The same span counted in the DOM's text, where paragraphs are not separated by "\n\n". */
  domStart: number;
  domEnd: number;
}

export interface Paragraph {
  start: number;
  text: string;
}

export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  for (const part of text.split("\n\n")) {
    out.push({ start, text: part });
    start += part.length + 2;
  }
  return out;
}

/**
 * `count` spans of 20–160 characters starting and ending on word boundaries
 * inside one paragraph; they overlap freely (5,000 of them on 100,000
 * characters must). Prefix and suffix are 32 characters of context from the
 * same paragraph, so they also match the DOM's text.
 */
export function generateAnchors(text: string, count: number, seed = 7): Anchor[] {
  const r = prng(seed);
  const paragraphs = paragraphsOf(text).filter((p) => p.text.length > 60);
  const anchors: Anchor[] = [];
  const allParagraphs = paragraphsOf(text);
  const domOffset = new Map(allParagraphs.map((p, i) => [p.start, p.start - 2 * i]));
  for (let id = 1; id <= count; id++) {
    const p = r.pick(paragraphs);
    let a = r.int(0, p.text.length - 21);
    while (a > 0 && p.text[a - 1] !== " ") a--;
    let b = Math.min(p.text.length, a + r.int(20, 160));
    while (b < p.text.length && /\w/.test(p.text[b])) b++;
    const start = p.start + a;
    const end = p.start + b;
    const dom = domOffset.get(p.start)! + a;
    anchors.push({
      id, exact: p.text.slice(a, b), prefix: p.text.slice(Math.max(0, a - 32), a), suffix: p.text.slice(b, b + 32),
      start, end, domStart: dom, domEnd: dom + (b - a),
    });
  }
  return anchors.sort((x, y) => x.start - y.start || x.end - y.end);
}
