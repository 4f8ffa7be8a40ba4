import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../index";
import { ensureLocalUser } from "./users";
import { createWorkspace } from "./workspaces";
import { importArticle } from "./article-import";
import { listArticleSummaries } from "./article-list";
import { listArticlesByWorkspace } from "./articles";
import { seedDemoWorkspace } from "../seed";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function freshDb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-list-"));
  dirs.push(dir);
  return openDatabase(path.join(dir, "test.db"));
}

describe("listArticleSummaries", () => {
  it("counts statements per article (the demo's articles)", () => {
    const db = freshDb();
    const ws = seedDemoWorkspace(db, { slug: "demo-list" });
    const list = listArticleSummaries(db, { workspaceId: ws.id });
    expect(list.length).toBeGreaterThan(1);
    expect(list.every((a) => a.statementCount > 0)).toBe(true);
    const total = db.$client.prepare("select count(*) as n from statements where workspace_id = ?").get(ws.id) as { n: number };
    expect(list.reduce((n, a) => n + a.statementCount, 0)).toBe(total.n);
    // The API's list shares the counting subquery.
    expect(listArticlesByWorkspace(db, { workspaceId: ws.id }).map((a) => a.statementCount)).toEqual(list.map((a) => a.statementCount));
  });

  it("searches title and publisher, taking % and _ literally, and marks re-import chains", () => {
    const db = freshDb();
    const actorId = ensureLocalUser(db).id;
    const ws = createWorkspace(db, { name: "List", actorId });
    const add = (title: string, publisher: string | null, url: string | null = null) =>
      importArticle(db, { workspaceId: ws.id, actorId, input: { kind: "text", text: `${title} body.` }, meta: { title, publisher, url } });
    const first = add("Rail line by 2030", "Daily Ledger", "https://example.org/rail");
    const other = add("100% sure: bridge reopens", "Riverside_Post");
    const second = add("Rail line by 2030 (updated)", "Daily Ledger", "https://example.org/rail");

    expect(listArticleSummaries(db, { workspaceId: ws.id, q: "ledger" }).map((a) => a.id)).toEqual([second.id, first.id]);
    expect(listArticleSummaries(db, { workspaceId: ws.id, q: "100%" }).map((a) => a.id)).toEqual([other.id]);
    expect(listArticleSummaries(db, { workspaceId: ws.id, q: "r_il" })).toEqual([]);
    expect(listArticleSummaries(db, { workspaceId: ws.id, q: "river" }).map((a) => a.id)).toEqual([other.id]);

    const byId = new Map(listArticleSummaries(db, { workspaceId: ws.id }).map((a) => [a.id, a]));
    expect(byId.get(first.id)).toMatchObject({ newerSnapshotId: second.id, previousSnapshotId: null, statementCount: 0, hasHtml: false, source: "text" });
    expect(byId.get(second.id)).toMatchObject({ newerSnapshotId: null, previousSnapshotId: first.id });
  });
});
