import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readBodyCapped } from "./read-body";

function stream(chunks: string[]) {
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(new TextEncoder().encode(next));
    },
    cancel() { cancelled = true; },
  });
  return { body, cancelled: () => cancelled };
}

describe("readBodyCapped", () => {
  it("reads a body within the limit, multi-byte characters split across chunks included", async () => {
    const bytes = new TextEncoder().encode("héllo");
    const body = new ReadableStream<Uint8Array>({ start(c) { c.enqueue(bytes.slice(0, 2)); c.enqueue(bytes.slice(2)); c.close(); } });
    expect(await readBodyCapped(body, 100)).toBe("héllo");
    expect(await readBodyCapped(null, 100)).toBe("");
  });

  it("stops and cancels the upload as soon as it passes the limit", async () => {
    const s = stream(["12345", "67890", "never read"]);
    await expect(readBodyCapped(s.body, 8)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(s.cancelled()).toBe(true);
  });
});
