import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, pageAfterId, pageByOffset } from "./pagination";

describe("cursor pagination", () => {
  it("round-trips cursors and refuses foreign ones", () => {
    expect(decodeCursor(encodeCursor({ after: 42 }))).toEqual({ after: 42 });
    expect(decodeCursor(encodeCursor({ offset: 7 }))).toEqual({ offset: 7 });
    for (const raw of ["", "abc", Buffer.from("a-1").toString("base64url"), Buffer.from("x5").toString("base64url")]) expect(decodeCursor(raw), raw).toBeNull();
  });

  it("walks a whole list by offset without gaps or repeats", () => {
    const items = Array.from({ length: 7 }, (_, i) => i);
    const seen: number[] = [];
    let cursor = null;
    for (;;) {
      const page = pageByOffset(items, { limit: 3, cursor });
      seen.push(...page.items);
      if (!page.nextCursor) break;
      cursor = decodeCursor(page.nextCursor);
    }
    expect(seen).toEqual(items);
  });

  it("keyset pages say there is more only when the extra row came back", () => {
    const rows = [{ id: 3 }, { id: 5 }, { id: 9 }];
    expect(pageAfterId(rows, 2)).toEqual({ items: [{ id: 3 }, { id: 5 }], nextCursor: encodeCursor({ after: 5 }) });
    expect(pageAfterId(rows, 3).nextCursor).toBeNull();
  });
});
