import { STANCES, STATEMENT_KINDS, VERDICTS, type LinkRelation, type Stance, type Verdict } from "@/lib/domain/enums";
import { prng } from "./prng";

/** A generated statement as stored: its text is a whole paragraph of a generated article. */
export interface GenStatement {
  /** 1-based; also the row's id in a fresh workspace, and "[S-00001]" in the quote makes it findable on screen. */
  n: number;
  speaker: number;
  saidOn: string;
  quote: string;
  summary: string;
  stances: { topic: number; stance: Stance; condition: string }[];
  kind: (typeof STATEMENT_KINDS)[number];
}

export interface GenLink {
  from: number;
  to: number;
  relation: LinkRelation;
  verdict: Verdict | null;
}

export interface Dataset {
  speakers: string[];
  topics: string[];
  statements: GenStatement[];
  links: GenLink[];
}

const VOCAB = ("talks ceasefire regions troops withdrawal conditions guarantees border sanctions referendum territory delegation " +
  "proposal agreement summit envoy offensive corridor grain energy infrastructure reserves neutrality alliance membership treaty " +
  "memorandum parliament decree observers humanitarian prisoners exchange sovereignty reconstruction weapons artillery drones " +
  "missiles port bridge railway refinery pipeline reactor election mandate istanbul kursk bandits preconditions").split(" ");
const FILL = "the a of to in and that for on with must will would never again before after".split(" ");

export const SPEAKERS = ["Vladimir Putin", "Volodymyr Zelensky", "Mykhailo Podolyak", "Dmitry Peskov", "Sergei Lavrov",
  "Antony Blinken", "Olaf Scholz", "Emmanuel Macron", "Recep Erdogan", "Xi Jinping", "Andrzej Duda", "Viktor Orban",
  "Jens Stoltenberg", "Ursula von der Leyen", "Kaja Kallas", "Keir Starmer", "Giorgia Meloni", "Pedro Sanchez", "Dmytro Kuleba", "Maria Zakharova"];
export const TOPICS = ["Talks with Ukraine", "Ceasefire", "NATO membership", "Territory", "Sanctions", "Grain corridor",
  "Prisoner exchange", "Energy", "Security guarantees", "Elections"];

export const marker = (n: number) => `[S-${String(n).padStart(5, "0")}]`;

function sentence(r: ReturnType<typeof prng>, words: number): string {
  const out = Array.from({ length: words }, (_, i) => (i % 3 === 1 ? r.pick(FILL) : r.pick(VOCAB)));
  return out.join(" ");
}

const DAY = 86_400_000;

/**
 * `count` statements spread evenly over `years` from 2022-01-01, numbered in
 * said-on order, each by one of `speakers` with 1–2 stances. When
 * `stableStances` is set every speaker keeps one stance per topic, so no
 * shift is detected and the only flags are the generated links'.
 */
export function generateDataset({ count, speakers, topics, years = 3, links = 0, seed = 1, stableStances = false, sameSpeakerLinks = false }: {
  count: number; speakers: number; topics: number; years?: number; links?: number; seed?: number; stableStances?: boolean; sameSpeakerLinks?: boolean;
}): Dataset {
  const r = prng(seed);
  const t0 = Date.UTC(2022, 0, 1);
  const span = Math.round(years * 365.25) * DAY;
  const statements: GenStatement[] = [];
  const fixed = (s: number, t: number) => STANCES[(s * 7 + t * 3) % STANCES.length];
  for (let n = 1; n <= count; n++) {
    const speaker = r.int(0, speakers - 1);
    const firstTopic = r.int(0, topics - 1);
    const topicIds = r.next() < 0.3 && topics > 1 ? [firstTopic, (firstTopic + 1) % topics] : [firstTopic];
    statements.push({
      n, speaker,
      saidOn: new Date(t0 + Math.floor(((n - 1) / count) * span)).toISOString().slice(0, 10),
      quote: `${marker(n)} ${sentence(r, r.int(10, 22))}.`,
      summary: sentence(r, 6),
      stances: topicIds.map((topic) => {
        const stance = stableStances ? fixed(speaker, topic) : r.pick(STANCES);
        return { topic, stance, condition: stance === "conditional" ? sentence(r, 4) : "" };
      }),
      kind: r.pick(STATEMENT_KINDS),
    });
  }
  const bySpeaker = new Map<number, number[]>();
  for (const s of statements) bySpeaker.set(s.speaker, [...(bySpeaker.get(s.speaker) ?? []), s.n]);
  const seen = new Set<string>();
  const out: GenLink[] = [];
  while (out.length < links) {
    const later = r.int(2, count);
    const pool = sameSpeakerLinks ? bySpeaker.get(statements[later - 1].speaker)!.filter((x) => x < later) : null;
    const earlier = pool ? (pool.length ? r.pick(pool) : 0) : r.int(1, later - 1);
    if (!earlier || seen.has(`${later}:${earlier}`)) continue;
    seen.add(`${later}:${earlier}`);
    out.push({ from: later, to: earlier, relation: sameSpeakerLinks ? "contradicts" : r.pick(["contradicts", "reverses", "softens", "hardens", "restates", "supports", "clarifies"] as const),
      verdict: r.next() < 0.5 ? r.pick(VERDICTS) : null });
  }
  return { speakers: SPEAKERS.slice(0, speakers), topics: TOPICS.slice(0, topics), statements, links: out };
}
