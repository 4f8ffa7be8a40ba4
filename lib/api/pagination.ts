import { z } from "zod";

/** Lists answer a page at a time: `?limit=` (1–200, default 50) and the opaque `?cursor=` from the previous page. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("How many items to return (1–200)."),
  cursor: z.string().max(200).optional().describe("The `nextCursor` of the previous page."),
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type Cursor = { after: number } | { offset: number };

export function encodeCursor(c: Cursor): string {
  return Buffer.from("after" in c ? `a${c.after}` : `o${c.offset}`, "utf8").toString("base64url");
}

/** null when the cursor was not made by us (the caller answers 400 naming `cursor`). */
export function decodeCursor(raw: string): Cursor | null {
  const text = Buffer.from(raw, "base64url").toString("utf8");
  const m = /^([ao])(\d{1,15})$/.exec(text);
  if (!m) return null;
  return m[1] === "a" ? { after: Number(m[2]) } : { offset: Number(m[2]) };
}

/** Pages through a list that the query function returns whole (small lists: speakers, topics, links, flags). */
export function pageByOffset<T>(items: readonly T[], { limit, cursor }: { limit: number; cursor?: Cursor | null }): Page<T> {
  const start = cursor && "offset" in cursor ? cursor.offset : 0;
  const slice = items.slice(start, start + limit);
  const end = start + slice.length;
  return { items: slice, nextCursor: end < items.length ? encodeCursor({ offset: end }) : null };
}

/** Keyset paging: the query fetched `limit + 1` rows after the cursor's id, in id order. */
export function pageAfterId<T extends { id: number }>(rows: readonly T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor({ after: items[items.length - 1].id }) : null };
}
