// Server-safe entry point. Browser painting lives in ./paint so that route
// handlers importing this never pull DOM-typed code into their bundle.
export { anchorAll, anchorSelector } from "./anchor";
export { CONTEXT_LENGTH, contextAround, describeSelection } from "./describe";
export { locateQuote } from "./locate";
export type { AnchorOptions, AnchorResult, LocateRequest, LocateResult, Occurrence, QuoteSelector, SelectionDescription } from "./types";
