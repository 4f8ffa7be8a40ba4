import { contextAround } from "./describe";
import { isGraphemeAligned } from "./unicode";
import type { LocateRequest, LocateResult, Occurrence } from "./types";

// Enough for a client to show choices; the total says how many there really are.
const MAX_REPORTED = 50;

function occurrencesOf(text: string, quote: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    if (isGraphemeAligned(text, i, i + quote.length)) out.push(i);
  }
  return out;
}

/**
 * Pick one occurrence: by exact agreement of the given prefix/suffix, then by
 * the start hint (an exact hit, else the uniquely nearest). Returns null when
 * what the client sent does not single one out.
 */
function disambiguate(text: string, starts: number[], len: number, req: LocateRequest): number | null {
  if (starts.length === 1) return starts[0];
  const prefix = req.prefix?.normalize("NFC") ?? "";
  const suffix = req.suffix?.normalize("NFC") ?? "";
  let pool = starts;
  if (prefix || suffix) {
    const agree = starts.filter((s) => text.endsWith(prefix, s) && text.startsWith(suffix, s + len));
    if (agree.length === 1) return agree[0];
    if (agree.length > 1) pool = agree;
  }
  const hint = req.start;
  if (typeof hint !== "number" || !Number.isFinite(hint)) return null;
  if (pool.includes(hint)) return hint;
  const dist = pool.map((s) => Math.abs(s - hint));
  const min = Math.min(...dist);
  return dist.filter((d) => d === min).length === 1 ? pool[dist.indexOf(min)] : null;
}

/**
 * Resolve a quote sent over the API (no offsets, maybe a hint) to a place in
 * the snapshot. Exact matching only: a client quoting text it was shown should
 * quote it exactly, and a silent fuzzy guess would tag the wrong words. The
 * quote is NFC-normalised and trimmed because clipboards and form inputs
 * alter both; the snapshot itself is stored NFC.
 */
export function locateQuote(text: string, req: LocateRequest): LocateResult {
  const quote = req.quote.normalize("NFC").trim();
  const starts = quote ? occurrencesOf(text, quote) : [];
  if (starts.length === 0) return { ok: false, code: "not_found", occurrences: [], total: 0 };
  const chosen = disambiguate(text, starts, quote.length, req);
  if (chosen === null) {
    const occurrences: Occurrence[] = starts.slice(0, MAX_REPORTED).map((s) => ({ start: s, end: s + quote.length }));
    return { ok: false, code: "ambiguous", occurrences, total: starts.length };
  }
  const end = chosen + quote.length;
  return { ok: true, start: chosen, end, quote, ...contextAround(text, chosen, end) };
}
