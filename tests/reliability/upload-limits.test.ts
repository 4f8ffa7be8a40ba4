import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";

// Uploads are size-capped and type-checked by the server actions themselves
// (the browser's checks are a courtesy). Called directly, as in
// bad-input-actions.test.ts, so that the oversized and mistyped files reach
// the server code that a crafted request would reach.

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-uploads-"));
process.env.DATABASE_PATH = path.join(dir, "uploads.db");
let slug = "";
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  const { getDb } = await import("@/db");
  const { createWorkspace } = await import("@/db/queries/workspaces");
  const { ensureLocalUser } = await import("@/db/queries/users");
  const db = getDb();
  slug = createWorkspace(db, { name: "Uploads", actorId: ensureLocalUser(db).id }).slug;
});

const form = (fields: Record<string, string | File>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};
const big = (mb: number, name: string, type: string) => new File([new Uint8Array(mb * 1024 * 1024 + 1).fill(0x61)], name, { type });
type Result = { status: string; error?: { code: string; message: string; field?: string } };

it("caps and type-checks article uploads", async () => {
  const { previewImportAction } = await import("@/app/w/[slug]/articles/new/actions");
  const tooBig = (await previewImportAction(undefined, form({ slug, mode: "html", file: big(5, "page.html", "text/html") }))) as Result;
  expect(tooBig).toMatchObject({ status: "error", error: { field: "file" } });
  expect(tooBig.error!.message).toMatch(/too large/);
  const notHtml = (await previewImportAction(undefined, form({ slug, mode: "html", file: new File(["MZ\u0000\u0000"], "setup.exe", { type: "application/octet-stream" }) }))) as Result;
  expect(notHtml).toMatchObject({ status: "error", error: { field: "file" } });
  const pastedTooBig = (await previewImportAction(undefined, form({ slug, mode: "text", text: "a".repeat(5 * 1024 * 1024 + 1) }))) as Result;
  expect(pastedTooBig).toMatchObject({ status: "error", error: { field: "text" } });
});

it("caps and type-checks workspace.json and statement CSV uploads", async () => {
  const { importWorkspaceAction } = await import("@/app/import/actions");
  const { statementCsvAction } = await import("@/app/w/[slug]/import-csv/actions");
  const json = [
    (await importWorkspaceAction(undefined, form({ file: big(20, "workspace.json", "application/json") }))) as Result,
    (await importWorkspaceAction(undefined, form({ file: new File(["{}"], "workspace.exe", { type: "application/octet-stream" }) }))) as Result,
    (await importWorkspaceAction(undefined, form({ file: new File([new Uint8Array([0, 1, 2, 0xff])], "workspace.json", { type: "application/json" }) }))) as Result,
  ];
  const csv = [
    (await statementCsvAction(undefined, form({ slug, intent: "plan", file: big(5, "s.csv", "text/csv") }))) as Result,
    (await statementCsvAction(undefined, form({ slug, intent: "plan", file: new File(["a,b"], "s.xlsx", { type: "application/vnd.ms-excel.sheet" }) }))) as Result,
  ];
  for (const r of [...json, ...csv]) {
    expect(r.status).toBe("error");
    expect(r.error!.code).not.toBe("internal");
    expect(r.error!.field).toBe("file");
  }
  expect(json[0].error!.message).toMatch(/20 MB|too large/i);
  expect(csv[0].error!.message).toMatch(/5 MB|too large/i);
});
