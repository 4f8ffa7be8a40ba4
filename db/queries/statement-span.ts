import { invalid } from "../errors";

const CONTEXT = 32;

/**
 * Finds the span a new statement covers. The reader sends offsets and we check
 * that they hold the quote; the API may send only a quote (with optional
 * context or start), and an ambiguous quote is refused rather than guessed.
 */
export function locateSpan(text: string, input: { quote: string; prefix?: string; suffix?: string; start?: number; end?: number }) {
  const quote = input.quote.normalize("NFC");
  if (input.start !== undefined && input.end !== undefined) {
    if (text.slice(input.start, input.end) !== quote) throw invalid("The selected words are not at that position in the article.", "quote");
    return withContext(text, input.start, input.end);
  }
  const hits: number[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) hits.push(i);
  if (hits.length === 0) throw invalid("The quote does not occur in the article.", "quote");
  let candidates = hits;
  if (input.start !== undefined) candidates = hits.filter((h) => h === input.start);
  if (input.prefix) candidates = candidates.filter((h) => text.slice(0, h).endsWith(input.prefix!));
  if (input.suffix) candidates = candidates.filter((h) => text.slice(h + quote.length).startsWith(input.suffix!));
  if (candidates.length !== 1) {
    throw invalid(candidates.length === 0
      ? "The quote occurs, but not with that context or start."
      : `The quote occurs ${candidates.length} times; give a prefix, suffix or start to say which.`, "quote");
  }
  return withContext(text, candidates[0], candidates[0] + quote.length);
}

function withContext(text: string, start: number, end: number) {
  return {
    quote: text.slice(start, end), start, end,
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
  };
}
