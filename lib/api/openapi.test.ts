import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildOpenApiDocument } from "./openapi";

describe("buildOpenApiDocument", () => {
  it("gives recursive schemas without an id one shared component, not zod's per-call __schema0", () => {
    const a = z.object({ value: z.json() });
    const b = z.object({ list: z.array(z.object({ nested: z.json() })) });
    const doc = buildOpenApiDocument([
      { id: "a", method: "GET", path: "/a", tag: "t", summary: "a", response: a },
      { id: "b", method: "POST", path: "/b", tag: "t", summary: "b", body: b, response: z.null(), status: 204 },
    ], { prefix: "", version: "1" });
    const names = Object.keys(doc.components.schemas);
    expect(names.filter((n) => n.startsWith("__schema"))).toEqual([]);
    expect(names).toContain("Recursive1");
    const text = JSON.stringify(doc);
    expect(text).not.toContain("#/$defs/");
    for (const ref of text.match(/#\/components\/schemas\/[\w]+/g) ?? []) expect(names).toContain(ref.split("/").pop());
  });
});
