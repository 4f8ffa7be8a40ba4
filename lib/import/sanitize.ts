import createDOMPurify, { type Config } from "dompurify";
import { JSDOM } from "jsdom";

/*
 * Article HTML is kept for faithful re-display, so it is sanitised before it
 * is stored and again before it is rendered. The allowlist keeps the
 * structure of prose (paragraphs, headings, lists, quotes, tables, code) and
 * nothing that can run code, load a resource, submit data or restyle our page:
 * no images, media, SVG/MathML, frames, forms, style or event attributes.
 * Links keep only http(s)/mailto targets and are marked so they pass no
 * referrer, no window.opener and no search-ranking endorsement.
 */

// One window for the process: building a jsdom window costs milliseconds and
// DOMPurify keeps no per-call state in it.
const purify = createDOMPurify(new JSDOM("").window as unknown as Parameters<typeof createDOMPurify>[0]);

const ALLOWED_TAGS = [
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
  "em", "strong", "i", "b", "u", "s", "sub", "sup", "br", "hr", "a",
  "figure", "figcaption", "pre", "code", "cite", "q", "time",
  // caption/colgroup/col/tfoot are allowed so tables survive intact: dropping
  // a <caption> would leave loose text inside <table>, which the parser then
  // moves elsewhere on the next pass and breaks idempotence.
  "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
];
const ALLOWED_ATTR = ["href", "datetime", "colspan", "rowspan", "scope", "dir", "lang"];
const REL = "noopener noreferrer nofollow ugc";
const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  // Absolute http(s)/mailto only: relative links are resolved against the
  // article URL during extraction, and anything else (javascript:, data:,
  // vbscript:, file:) is dropped. DOMPurify strips whitespace and control
  // characters before testing, so "java\tscript:" cannot slip past.
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  // DOMPurify tests every non-"URI-safe" attribute value against the regexp
  // above, so without this it would strip colspan="2" and datetime="2024-…".
  ADD_URI_SAFE_ATTR: ALLOWED_ATTR.filter((name) => name !== "href"),
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Drop these with their contents: a form's or a video's inner text is not article prose.
  ADD_FORBID_CONTENTS: ["form", "button", "select", "textarea", "object", "embed", "video", "audio", "canvas", "map", "nav"],
  RETURN_TRUSTED_TYPE: false,
};

purify.addHook("afterSanitizeAttributes", (node) => {
  if (node.nodeName !== "A") return;
  const href = node.getAttribute("href");
  if (href === null) return;
  // Belt and braces on top of ALLOWED_URI_REGEXP: the URL parser is the
  // final word on what the browser would treat as the scheme.
  let ok = false;
  try {
    ok = SAFE_PROTOCOLS.has(new URL(href).protocol);
  } catch {
    ok = false;
  }
  if (!ok) {
    node.removeAttribute("href");
    return;
  }
  node.setAttribute("rel", REL);
});

function sanitizeOnce(html: string): string {
  return purify.sanitize(html, CONFIG) as string;
}

/**
 * Sanitises article HTML. Idempotent by construction: HTML serialisation and
 * re-parsing is not always a fixed point (the parser repairs some trees
 * differently the second time), so we re-run until the output stops changing.
 * In practice one extra pass confirms stability.
 */
export function sanitizeArticleHtml(html: string): string {
  let out = sanitizeOnce(html);
  for (let i = 0; i < 4; i++) {
    const again = sanitizeOnce(out);
    if (again === out) return out;
    out = again;
  }
  return out;
}
