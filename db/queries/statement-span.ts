import { invalid } from "../errors";
import { contextAround, locateQuote } from "@/lib/anchoring";

/**
 * Finds the span a new statement covers. The reader sends offsets and we check
 * that they hold the quote; the API may send only a quote (with optional
 * context or start), and an ambiguous quote is refused rather than guessed.
 */
export function locateSpan(text: string, input: { quote: string; prefix?: string; suffix?: string; start?: number; end?: number }) {
  const quote = input.quote.normalize("NFC");
  if (input.start !== undefined && input.end !== undefined) {
    if (text.slice(input.start, input.end) !== quote) throw invalid("The selected words are not at that position in the article.", "quote");
    return { quote, start: input.start, end: input.end, ...contextAround(text, input.start, input.end) };
  }
  const found = locateQuote(text, { quote, prefix: input.prefix, suffix: input.suffix, start: input.start });
  if (!found.ok) {
    throw invalid(found.code === "not_found"
      ? "The quote does not occur in the article (or not with that context)."
      : `The quote occurs ${found.total} times; give a prefix, suffix or start to say which.`, "quote");
  }
  return { quote: found.quote, start: found.start, end: found.end, prefix: found.prefix, suffix: found.suffix };
}
