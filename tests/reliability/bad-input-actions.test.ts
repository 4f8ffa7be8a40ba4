import fc from "fast-check";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { DbWatch } from "./support/db-watch";
import { actionModules, repoPath } from "./support/action-modules";
import { HOSTILE_STRINGS, HOSTILE_VALUES, hostileString, hostileValue } from "./support/hostile";

// Bad input at every server action: each exported function of every
// "use server" module under app/ is called directly, as Next calls it, with
// a throwaway database (DATABASE_PATH; the actions use getDb()). Arguments
// mix real slugs and ids with hostile values, as objects and as FormData
// (files included). An action must answer, never throw (except Next's own
// redirect/notFound signals), never report an internal error (what the API
// would answer with a 5xx), and a refusal must change nothing.
// Next's request-scoped helpers have no request here, so they are stubbed.

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn(), unstable_noStore: vi.fn() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, has: () => false }),
}));

const STRESS = process.env.STRESS === "1";
const RUNS = STRESS ? 1500 : 120;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-actions-"));
process.env.DATABASE_PATH = path.join(dir, "actions.db");
delete process.env.IMPORT_ALLOW_PRIVATE_HOSTS;

type Action = (prev: unknown, input: unknown) => Promise<unknown>;
const actions: { name: string; fn: Action }[] = [];
let watch: DbWatch;
let slug = "";
let ids: number[] = [];
const score = { calls: 0, internal: [] as string[], threw: [] as string[], changedOnRefusal: [] as string[], refused: 0, ok: 0 };
const KEYS = ["slug", "id", "input", "articleId", "statementId", "fromId", "toId", "linkId", "timelineId", "speakerId", "topicId", "token", "name", "description",
  "title", "text", "url", "html", "file", "mode", "payload", "decision", "flagKey", "relation", "verdict", "rationale", "note", "summary", "view", "filter", "into", "from", "q"];

beforeAll(async () => {
  const { getDb } = await import("@/db");
  const { seedDemoWorkspace } = await import("@/db/seed");
  const db = getDb();
  const ws = seedDemoWorkspace(db, { slug: "fuzz-demo", name: "Fuzz demo" });
  slug = ws.slug;
  ids = (db.$client.prepare("SELECT id FROM statements UNION SELECT id FROM links UNION SELECT id FROM articles UNION SELECT id FROM speakers UNION SELECT id FROM topics").all() as { id: number }[]).map((r) => r.id);
  for (const file of actionModules()) {
    const mod = (await import(repoPath(file))) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) if (typeof fn === "function") actions.push({ name: `${file}#${name}`, fn: fn as Action });
  }
  watch = new DbWatch(process.env.DATABASE_PATH!);
});

afterAll(() => {
  watch?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`[bad-input/actions] actions=${actions.length} calls=${score.calls} internal-errors=${score.internal.length} thrown=${score.threw.length} refused=${score.refused} ok=${score.ok} refused-but-changed=${score.changedOnRefusal.length}`);
});

const realish = () => fc.oneof(fc.constant(slug), fc.constantFrom(...ids), fc.constantFrom(...ids).map(String), hostileValue);
const objectInput = () => fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(realish(), fc.dictionary(fc.constantFrom(...KEYS), realish(), { maxKeys: 5 })), { maxKeys: 6 });
const fileValue = fc.record({
  bytes: fc.oneof(fc.uint8Array({ maxLength: 2048 }), fc.constant(new Uint8Array(6 * 1024 * 1024)), hostileString.map((s) => new TextEncoder().encode(s))),
  name: fc.oneof(hostileString, fc.constantFrom("a.html", "x.csv", "w.json", "evil.exe", "../../etc/passwd")),
  type: fc.constantFrom("", "text/html", "text/csv", "application/json", "application/octet-stream", "image/svg+xml", "text/html; charset=utf-16"),
}).map(({ bytes, name, type }) => new File([bytes], name.toWellFormed(), { type }));
const formInput = () => fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.oneof(realish().map((v) => (typeof v === "string" ? v : JSON.stringify(v) ?? "")), fileValue)), { maxLength: 8 })
  .map((entries) => {
    const form = new FormData();
    for (const [k, v] of entries) form.append(k, typeof v === "string" ? v.toWellFormed() : v);
    return form;
  });

function isNextSignal(error: unknown) {
  return !!error && typeof error === "object" && "digest" in error && /^NEXT_(REDIRECT|NOT_FOUND|HTTP_ERROR)/.test(String((error as { digest: unknown }).digest));
}

async function call(action: { name: string; fn: Action }, input: unknown) {
  const before = watch.snapshot();
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  score.calls++;
  let refused = false;
  try {
    const result = (await action.fn(undefined, input)) as { status?: string; error?: { code?: string; message?: string } } | undefined;
    if (result?.status === "error") {
      refused = true;
      if (result.error?.code === "internal") score.internal.push(`${action.name}: ${JSON.stringify(input)?.slice(0, 200)} → ${result.error.message}`);
    } else score.ok++;
  } catch (error) {
    if (!isNextSignal(error)) score.threw.push(`${action.name}: ${JSON.stringify(input)?.slice(0, 200)} → ${(error as Error).stack?.slice(0, 300)}`);
    else refused = String((error as { digest: string }).digest).startsWith("NEXT_NOT_FOUND");
  } finally {
    if (errors.mock.calls.length) score.internal.push(`${action.name} logged: ${String(errors.mock.calls[0]).slice(0, 300)}`);
    errors.mockRestore();
  }
  if (refused) {
    score.refused++;
    const changed = watch.changedSince(before);
    if (changed.length) score.changedOnRefusal.push(`${action.name}: ${JSON.stringify(input)?.slice(0, 200)} changed ${changed.join(", ")}`);
  }
}

it("finds the server actions", () => {
  expect(actions.length).toBeGreaterThanOrEqual(7);
});

it("answers every action the hostile corpus as its whole argument and as each field", async () => {
  for (const action of actions) {
    for (const value of [undefined, ...HOSTILE_VALUES, ...HOSTILE_STRINGS.filter((_, i) => STRESS || i % 4 === 0)]) {
      await call(action, value);
      await call(action, { slug, id: value, input: value });
      await call(action, { slug: value, id: ids[0], input: {} });
    }
    await call(action, new FormData());
  }
  expect(score.threw).toEqual([]);
  expect(score.internal).toEqual([]);
  expect(score.changedOnRefusal).toEqual([]);
}, 600_000);

it("answers random objects and forms (fast-check) without an internal error, changing nothing when refusing", async () => {
  for (const action of actions) {
    await fc.assert(fc.asyncProperty(fc.oneof(objectInput(), formInput()), async (input) => {
      const before = score.threw.length + score.internal.length + score.changedOnRefusal.length;
      await call(action, input);
      return score.threw.length + score.internal.length + score.changedOnRefusal.length === before;
    }), { numRuns: Math.ceil(RUNS / 4) });
  }
  expect(score.threw).toEqual([]);
  expect(score.internal).toEqual([]);
  expect(score.changedOnRefusal).toEqual([]);
}, 600_000);
