import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { ImportError } from "./errors";
import { textOfHtml } from "./html-text";
import { detectBinary, MAX_IMPORT_BYTES, normalizeText } from "./normalize";
import { sanitizeArticleHtml } from "./sanitize";

export interface ExtractedArticle {
  title: string;
  byline: string | null;
  publisher: string | null;
  /** YYYY-MM-DD as printed on the page, or null. */
  publishedAt: string | null;
  language: string | null;
  /** Normalised snapshot text, paragraphs separated by "\n\n". */
  text: string;
  /** Sanitised HTML of the article body, for faithful display. */
  html: string;
  /** True when Readability found no article and we kept the page body minus chrome. */
  usedFallback: boolean;
}

/** Below this much text Readability has probably latched onto a teaser or a comment. */
const MIN_ARTICLE_CHARS = 200;
const CHROME_SELECTOR = "nav, header, footer, aside, script, style, form, noscript, template, iframe, [role=navigation], [aria-hidden=true]";

const CONTAINERS = "div, section, article, main, center";
const BLOCK_CONTENT = "p, div, section, article, main, center, h1, h2, h3, h4, h5, h6, ul, ol, li, blockquote, pre, table, figure, hr, dl";

function clean(value: string | null | undefined, max = 300): string | null {
  const v = value?.replace(/\s+/g, " ").trim();
  return v ? v.slice(0, max) : null;
}

function meta(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const v = clean(el?.getAttribute("content"));
    if (v) return v;
  }
  return null;
}

/**
 * Calendar date from an ISO-ish timestamp, taken as written. Converting
 * "2024-03-01T23:30:00-05:00" to UTC would move the article to 2 March, a day
 * the outlet never printed.
 */
export function toIsoDate(value: string | null | undefined): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value ?? "");
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  const valid = check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d;
  return valid ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|NewsArticle/i;

/** datePublished from JSON-LD, preferring article-typed nodes over e.g. the WebPage or an author's Person. */
function jsonLdDate(doc: Document): string | null {
  const found: { date: string; article: boolean }[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const obj = node as Record<string, unknown>;
    if (typeof obj.datePublished === "string") {
      found.push({ date: obj.datePublished, article: ARTICLE_TYPES.test(String(obj["@type"] ?? "")) });
    }
    Object.values(obj).forEach(visit);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ""));
    } catch {
      // Broken JSON-LD is common; other date sources still apply.
    }
  }
  const pick = found.find((f) => f.article && toIsoDate(f.date)) ?? found.find((f) => toIsoDate(f.date));
  return pick ? toIsoDate(pick.date) : null;
}

function publishedDate(doc: Document, readabilityTime: string | null | undefined): string | null {
  const itemprop = doc.querySelector('[itemprop="datePublished"]');
  const candidates = [
    meta(doc, "article:published_time"),
    itemprop?.getAttribute("content") ?? itemprop?.getAttribute("datetime"),
    jsonLdDate(doc),
    readabilityTime,
    doc.querySelector("time[datetime]")?.getAttribute("datetime"),
  ];
  for (const c of candidates) {
    const date = toIsoDate(c);
    if (date) return date;
  }
  return null;
}

function language(doc: Document, readabilityLang: string | null | undefined): string | null {
  const raw =
    doc.documentElement.getAttribute("lang") ||
    readabilityLang ||
    meta(doc, "og:locale")?.replace("_", "-") ||
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute("content");
  if (!raw) return null;
  try {
    return Intl.getCanonicalLocales(raw.trim())[0] ?? null;
  } catch {
    return null; // not a BCP 47 tag; better no language than a wrong one
  }
}

function hostnameOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

function cleanByline(value: string | null | undefined): string | null {
  // article:author is often a profile URL, which is not a byline.
  if (!value || /^\s*https?:\/\//i.test(value)) return null;
  return clean(value.replace(/^\s*by\s+/i, ""), 200);
}

/** The page body minus navigation and page chrome, for pages Readability can't parse. */
function fallbackBody(doc: Document): string {
  const body = doc.body?.cloneNode(true) as HTMLElement | undefined;
  if (!body) return "";
  body.querySelectorAll(CHROME_SELECTOR).forEach((el) => el.remove());
  // The sanitiser unwraps <div>, which would run "Item 1." and "Item 2." into
  // one paragraph; a container holding only inline content becomes a <p>
  // first (what Readability does on its own path). Deepest first, so an
  // outer div sees its children already converted.
  const containers = Array.from(body.querySelectorAll(CONTAINERS)).reverse();
  for (const el of containers) {
    if (el.querySelector(BLOCK_CONTENT)) continue;
    const p = el.ownerDocument.createElement("p");
    p.append(...Array.from(el.childNodes));
    el.replaceWith(p);
  }
  return body.innerHTML;
}

function assertUsableInput(input: string): void {
  if (input.length > MAX_IMPORT_BYTES) throw new ImportError("too_large", { detail: `${input.length} chars` });
  if (detectBinary(input)) throw new ImportError("binary");
}

/**
 * Article text and metadata from a whole HTML page. jsdom is used with its
 * defaults on purpose: scripts never run and no subresource (image, CSS,
 * iframe) is fetched, so extraction can't be made to call out or execute
 * anything. `url` is the page's address, used to resolve relative links and
 * as the publisher of last resort.
 */
export function extractArticle(html: string, opts: { url?: string } = {}): ExtractedArticle {
  assertUsableInput(html);
  let url: string | undefined;
  try {
    url = opts.url ? new URL(opts.url).href : undefined;
  } catch {
    url = undefined;
  }
  // A silent console: pages are full of CSS jsdom can't parse, and that is not our problem.
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  const doc = dom.window.document;

  try {
    // Readability rewrites the document it is given; metadata and the fallback need the original.
    let parsed: ReturnType<Readability<string>["parse"]> = null;
    try {
      parsed = new Readability(doc.cloneNode(true) as Document).parse();
    } catch {
      parsed = null; // it throws on some degenerate trees; the fallback handles those
    }

    let articleHtml = parsed?.content ? sanitizeArticleHtml(parsed.content).trim() : "";
    let text = articleHtml ? textOfHtml(doc, articleHtml) : "";
    let usedFallback = false;
    if (text.length < MIN_ARTICLE_CHARS) {
      const fallbackHtml = sanitizeArticleHtml(fallbackBody(doc)).trim();
      const fallbackText = textOfHtml(doc, fallbackHtml);
      // Readability's short result is kept only when the body has nothing at all.
      if (fallbackText) {
        articleHtml = fallbackHtml;
        text = fallbackText;
        usedFallback = true;
      }
    }
    if (!text) throw new ImportError("empty");

    const title =
      meta(doc, "og:title") ??
      clean(doc.title) ??
      clean(doc.querySelector("h1")?.textContent) ??
      clean(parsed?.title) ??
      text.split("\n")[0].slice(0, 120);

    return {
      title,
      byline: cleanByline(parsed?.byline) ?? cleanByline(meta(doc, "author", "article:author")),
      publisher: meta(doc, "og:site_name") ?? clean(parsed?.siteName) ?? hostnameOf(url),
      publishedAt: publishedDate(doc, parsed?.publishedTime),
      language: language(doc, parsed?.lang),
      text,
      html: articleHtml,
      usedFallback,
    };
  } finally {
    dom.window.close();
  }
}

/** Snapshot text from pasted plain text. Throws ImportError "empty" or "binary". */
export function textToSnapshot(rawText: string): string {
  assertUsableInput(rawText);
  const text = normalizeText(rawText);
  if (!text) throw new ImportError("empty");
  return text;
}
