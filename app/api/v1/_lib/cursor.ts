import { AppError } from "@/db/errors";
import { decodeCursor } from "@/lib/api/pagination";

/** The decoded `cursor` query parameter; one we did not make is a 400 naming it. */
export function cursorOf(raw: string | undefined) {
  if (raw === undefined) return null;
  const cursor = decodeCursor(raw);
  if (!cursor) throw new AppError("bad_request", "The cursor is not one this API gave out; start again without it.", "cursor");
  return cursor;
}
