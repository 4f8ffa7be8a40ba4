// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildTextIndex, offsetFromPoint, paintHighlights, rangesFor, selectionToOffsets, sortSpans, spansAt } from "./paint";

const P1 = "The minister said taxes would not rise.";
const P2 = "Critics were unconvinced.\nSo was the press.";
const TEXT = `${P1}\n\n${P2}`;
const P2_START = P1.length + 2;

/** The reader's contract: blocks with data-start, inline children splitting text nodes. */
function render(): HTMLElement {
  const root = document.createElement("article");
  root.innerHTML =
    `<h1>Chrome, not text</h1>` +
    `<p data-start="0">The minister <span class="x">said taxes</span> would not rise.</p>` +
    `<p data-start="${P2_START}">Critics were <em>unconvinced</em>.\nSo was the press.</p>`;
  document.body.replaceChildren(root);
  return root;
}

const at = (q: string) => ({ start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length });

afterEach(() => vi.unstubAllGlobals());

describe("text index and ranges", () => {
  it("indexes only block text, with global offsets", () => {
    const index = buildTextIndex(render());
    expect(index.nodes.map((n) => n.data).join("|")).toBe(
      "The minister |said taxes| would not rise.|Critics were |unconvinced|.\nSo was the press.",
    );
    index.nodes.forEach((n, i) => expect(TEXT.slice(index.starts[i], index.starts[i] + n.data.length)).toBe(n.data));
  });

  it("maps spans to ranges in input order, splitting at blocks and skipping the gap", () => {
    const index = buildTextIndex(render());
    const cross = { id: "cross", start: TEXT.indexOf("not rise"), end: TEXT.indexOf(" were") };
    const inner = { id: "inner", ...at("taxes would") };
    const [a, b] = rangesFor(index, [cross, inner]);
    expect(a.id).toBe("cross");
    expect(a.ranges.map((r) => r.toString())).toEqual(["not rise.", "Critics"]);
    expect(b.ranges.map((r) => r.toString())).toEqual(["taxes would"]);
    expect(rangesFor(index, [{ id: 1, start: 5, end: 5 }])[0].ranges).toEqual([]);
  });

  it("maps caret points and selections back to offsets", () => {
    const root = render();
    const index = buildTextIndex(root);
    const em = root.querySelector("em")!.firstChild!;
    expect(offsetFromPoint(index, em, 3)).toBe(TEXT.indexOf("unconvinced") + 3);
    // A caret between elements resolves to the next text.
    expect(offsetFromPoint(index, root, 2)).toBe(P2_START);
    expect(offsetFromPoint(index, document.body, 0)).toBeNull();

    const range = document.createRange();
    range.setStart(root.querySelector("span")!.firstChild!, 5);
    range.setEnd(em, 11);
    expect(selectionToOffsets(index, range)).toEqual({ start: TEXT.indexOf("taxes"), end: TEXT.indexOf("unconvinced") + 11 });
    // A triple-click style range ending at the start of the next block stops at the end of this one.
    const whole = document.createRange();
    whole.setStart(root.children[1], 0);
    whole.setEnd(root.children[2], 0);
    expect(selectionToOffsets(index, whole)).toEqual({ start: 0, end: P1.length });
    // Starting in the chrome heading clamps to the text.
    const fromChrome = document.createRange();
    fromChrome.setStart(root.querySelector("h1")!.firstChild!, 2);
    fromChrome.setEnd(root.querySelector("span")!.firstChild!, 4);
    expect(selectionToOffsets(index, fromChrome)).toEqual({ start: 0, end: TEXT.indexOf(" taxes") });
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    expect(selectionToOffsets(index, sel)).toBeNull();
    sel.addRange(range);
    expect(selectionToOffsets(index, sel)).toEqual({ start: TEXT.indexOf("taxes"), end: TEXT.indexOf("unconvinced") + 11 });
  });

  it("finds the statements under a click", () => {
    const root = render();
    const index = buildTextIndex(root);
    const spans = sortSpans([{ id: 1, ...at("said taxes would") }, { id: 2, ...at("taxes") }]);
    const caret = offsetFromPoint(index, root.querySelector("span")!.firstChild!, 6)!;
    expect(spansAt(spans, caret).map((s) => s.id)).toEqual([2, 1]);
  });
});

describe("paintHighlights", () => {
  it("falls back to nested <mark>s without CSS.highlights and restores the DOM on clear", () => {
    const root = render();
    const before = root.innerHTML;
    const handle = paintHighlights(root, [
      { id: 7, group: "cl-topic-1", ...at("minister said taxes") },
      { id: 8, group: "cl-topic-2", ...at("taxes would not rise.\n\nCritics") },
    ]);
    expect(handle.mode).toBe("mark");
    expect(root.textContent).toBe("Chrome, not text" + P1 + P2);
    const text = (id: number) =>
      Array.from(root.querySelectorAll(`mark[data-statement-id="${id}"]`)).map((m) => m.textContent).join("|");
    expect(text(7)).toBe("minister |said |taxes");
    expect(text(8)).toBe("taxes| would not rise.|Critics");
    // The overlap is nested: statement 8's mark sits inside statement 7's.
    expect(root.querySelector('mark[data-statement-id="7"] > mark[data-statement-id="8"]')!.textContent).toBe("taxes");
    expect(root.querySelector("mark")!.className).toBe("cl-topic-1");
    // The index still maps offsets after the DOM was split.
    const index = buildTextIndex(root);
    index.nodes.forEach((n, i) => expect(TEXT.slice(index.starts[i], index.starts[i] + n.data.length)).toBe(n.data));

    handle.setActive(8);
    expect(root.querySelectorAll("mark.cl-active").length).toBe(3);
    handle.setActive(7);
    expect(Array.from(root.querySelectorAll("mark.cl-active")).every((m) => m.getAttribute("data-statement-id") === "7")).toBe(true);
    handle.setActive(null);
    expect(root.querySelectorAll("mark.cl-active").length).toBe(0);

    handle.clear();
    expect(root.innerHTML).toBe(before);
    expect(root.querySelector("span")!.childNodes.length).toBe(1);
  });

  it("uses the CSS Custom Highlight API when present, one highlight per group plus the active one", () => {
    class FakeHighlight {
      ranges: Range[];
      constructor(...ranges: Range[]) {
        this.ranges = ranges;
      }
    }
    const registry = new Map<string, FakeHighlight>();
    vi.stubGlobal("CSS", { highlights: registry });
    vi.stubGlobal("Highlight", FakeHighlight);
    const root = render();
    const before = root.innerHTML;
    const handle = paintHighlights(root, [
      { id: "a", group: "cl-topic-3", ...at("said taxes") },
      { id: "b", group: "cl-topic-3", ...at("Critics") },
      { id: "c", group: "cl-topic-4", ...at("not rise.\n\nCritics were") },
    ]);
    expect(handle.mode).toBe("highlight");
    expect(root.innerHTML).toBe(before);
    expect([...registry.keys()].sort()).toEqual(["cl-topic-3", "cl-topic-4"]);
    expect(registry.get("cl-topic-3")!.ranges.map(String)).toEqual(["said taxes", "Critics"]);
    expect(registry.get("cl-topic-4")!.ranges.map(String)).toEqual(["not rise.", "Critics were"]);

    registry.set("someone-else", new FakeHighlight());
    handle.setActive("c");
    expect(registry.get("cl-active")!.ranges.map(String)).toEqual(["not rise.", "Critics were"]);
    handle.setActive(null);
    expect(registry.has("cl-active")).toBe(false);
    handle.setActive("a");
    handle.clear();
    expect([...registry.keys()]).toEqual(["someone-else"]);
  });
});
