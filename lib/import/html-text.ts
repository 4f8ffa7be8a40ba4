import { normalizeText } from "./normalize";

/*
 * Plain text from (sanitised) HTML, the way a reader sees it: each block
 * element is its own paragraph, <br> is a line break inside a paragraph, and
 * source-code whitespace is collapsed except inside <pre>. textContent alone
 * would glue "Title" and "First paragraph" into "TitleFirst paragraph".
 */

const BLOCKS = new Set([
  "P", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "ASIDE", "NAV",
  "H1", "H2", "H3", "H4", "H5", "H6", "UL", "OL", "LI", "DL", "DT", "DD",
  "BLOCKQUOTE", "PRE", "FIGURE", "FIGCAPTION", "HR", "TABLE", "CAPTION",
  "THEAD", "TBODY", "TFOOT", "TR", "ADDRESS", "DETAILS", "SUMMARY",
]);
const CELLS = new Set(["TD", "TH"]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "TITLE"]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export function textOfNode(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node, inPre: boolean) => {
    if (node.nodeType === TEXT_NODE) {
      const data = node.nodeValue ?? "";
      // Outside <pre>, a newline in the source is just a space.
      parts.push(inPre ? data : data.replace(/[\t\n\r\f ]+/g, " "));
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === "BR") {
      parts.push("\n");
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) parts.push("\n\n");
    // Table cells on one row stay on one line, separated by a tab (normalised to a space).
    if (CELLS.has(tag)) parts.push("\t");
    const pre = inPre || tag === "PRE";
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, pre);
    if (block) parts.push("\n\n");
  };
  walk(root, false);
  return normalizeText(parts.join(""));
}

/** Parses an HTML fragment in the given document and returns its reader text. */
export function textOfHtml(doc: Document, html: string): string {
  const container = doc.createElement("div");
  container.innerHTML = html;
  return textOfNode(container);
}
