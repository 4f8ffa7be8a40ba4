import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "../index";
import { auditEvents, flagReviews, suggestionDismissals, timelines } from "../schema";
import { ensureLocalUser } from "./users";
import { cleanupTempDbs, seedExportWorkspace, tempDbFile } from "./export-test-data";
import { exportWorkspaceDump, importWorkspaceDump, parseWorkspaceDumpText } from "./workspace-dump";
import type { WorkspaceDump } from "@/lib/validation/workspace-dump";
import { parseFlagKey } from "@/lib/domain/flag-key";
import { listExportFlags } from "./export-flags";
import { eq } from "drizzle-orm";

afterEach(cleanupTempDbs);

/** A demo workspace with every kind of row the dump carries, including a share token that must not leave. */
function richSource() {
  const seeded = seedExportWorkspace();
  const { db, ws, trickyIds } = seeded;
  const actorId = ensureLocalUser(db).id;
  db.insert(suggestionDismissals).values({ workspaceId: ws.id, statementId: trickyIds[1], candidateId: trickyIds[0], createdBy: actorId }).run();
  db.update(timelines).set({ shareToken: "secret-share-token-123", sharedAt: new Date().toISOString() }).where(eq(timelines.workspaceId, ws.id)).run();
  db.insert(auditEvents).values({ workspaceId: ws.id, entityType: "timeline", entityId: "1", action: "share", after: { shareToken: "secret-share-token-123" }, actorId }).run();
  return seeded;
}

/**
 * Replace every id by its position in the dump (per table) so two dumps of the
 * same content compare equal whatever ids the databases handed out.
 */
function normalise(dump: WorkspaceDump) {
  const index = (rows: { id: number }[]) => new Map(rows.map((r, i) => [r.id, i + 1]));
  const a = index(dump.articles), s = index(dump.speakers), t = index(dump.topics), st = index(dump.statements);
  const l = index(dump.links), tl = index(dump.timelines), u = index(dump.users);
  const key = (k: string) => {
    const p = parseFlagKey(k);
    return p ? [p.rule, st.get(p.earlierId), st.get(p.laterId), p.topicId === undefined ? undefined : t.get(p.topicId)].filter((x) => x !== undefined).join(":") : `?${k}`;
  };
  const ids: Record<string, Map<number, number>> = { article: a, speaker: s, topic: t, statement: st, link: l, timeline: tl };
  const deep = (v: unknown, entity?: string): unknown => JSON.parse(JSON.stringify(v, (k, x) => {
    if (k === "speakers" && Array.isArray(x)) return x.map((n) => `s#${s.get(n)}`);
    if (k === "topics" && Array.isArray(x)) return x.map((n) => `t#${t.get(n)}`);
    if (typeof x !== "number") return k === "flagKey" && typeof x === "string" ? key(x) : x;
    if (k === "id" && entity === "workspace") return "ws";
    if (k === "workspaceId") return "ws";
    if (k === "id" && entity && ids[entity]) return `${entity}#${ids[entity].get(x)}`;
    if (["articleId", "previousSnapshotId"].includes(k)) return `a#${a.get(x)}`;
    if (["speakerId"].includes(k)) return `s#${s.get(x)}`;
    if (["topicId"].includes(k)) return `t#${t.get(x)}`;
    if (["statementId", "candidateId", "fromStatementId", "toStatementId", "fromId", "toId"].includes(k)) return `st#${st.get(x)}`;
    if (["createdBy", "actorId"].includes(k)) return `u#${u.get(x)}`;
    return x;
  }));
  return {
    workspace: { name: dump.workspace.name, description: dump.workspace.description },
    users: dump.users.map(({ id: _i, ...x }) => x),
    articles: dump.articles.map((x) => deep(x, "article")),
    speakers: dump.speakers.map((x) => deep(x, "speaker")),
    topics: dump.topics.map((x) => deep(x, "topic")),
    statements: dump.statements.map((x) => deep(x, "statement")),
    links: dump.links.map((x) => deep(x, "link")),
    flagReviews: dump.flagReviews.map((x) => deep(x)),
    suggestionDismissals: dump.suggestionDismissals.map((x) => deep(x)),
    timelines: dump.timelines.map((x) => deep(x, "timeline")),
    auditEvents: dump.auditEvents.map((e) => ({
      ...(deep({ ...e, entityId: undefined }, e.entityType) as object),
      entityId: e.entityType === "workspace" ? "ws" : e.entityType === "flag" ? key(e.entityId) : `${e.entityType}#${ids[e.entityType]?.get(Number(e.entityId))}`,
    })),
  };
}

function tableCounts(db: DB) {
  return Object.fromEntries(db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'statement_search%' and name not like '__drizzle%'").all()
    .map((r) => (r as { name: string }).name).map((name) => [name, db.$client.prepare(`select count(*) as n, total(rowid) as s from "${name}"`).get()]));
}

function checksum(db: DB): string {
  const tables = db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%search%' order by name").all() as { name: string }[];
  return tables.map(({ name }) => `${name}:${JSON.stringify(db.$client.prepare(`select * from "${name}" order by rowid`).all())}`).join("\n");
}

describe("workspace.json round trip", () => {
  it("export → import into a fresh database → export gives the same content with remapped ids", () => {
    const { db, ws } = richSource();
    const first = exportWorkspaceDump(db, { workspaceId: ws.id });
    expect(JSON.stringify(first)).not.toContain("secret-share-token");
    expect(first.suggestionDismissals).toHaveLength(1);
    expect(first.flagReviews.length).toBeGreaterThan(0);

    const target = openDatabase(tempDbFile());
    const actor = ensureLocalUser(target);
    // Occupy low ids in the target so remapping is really exercised.
    const filler = seedExportWorkspace(target, "filler");
    const imported = importWorkspaceDump(target, { actorId: actor.id, dump: JSON.parse(JSON.stringify(first)) });
    expect(imported.workspace.slug).toBe("export-demo");
    expect(imported.workspace.id).not.toBe(filler.ws.id);

    const second = exportWorkspaceDump(target, { workspaceId: imported.workspace.id });
    // The import records itself as one more audit event; everything before it is the original history.
    const importEvent = second.auditEvents.at(-1)!;
    expect(importEvent).toMatchObject({ entityType: "workspace", action: "create", after: expect.objectContaining({ importedFrom: expect.objectContaining({ slug: "export-demo" }) }) });
    second.auditEvents.pop();
    expect(second.statements.map((s) => s.id)).not.toEqual(first.statements.map((s) => s.id));
    expect(normalise(second)).toEqual(normalise(first));
    // Flags computed in the copy carry the same reviews.
    const statusOf = (d: DB, id: number) => listExportFlags(d, { workspaceId: id, origin: "x" }).map((f) => `${f.rule}:${f.status}:${f.severity}`).sort();
    expect(statusOf(target, imported.workspace.id)).toEqual(statusOf(db, ws.id));
  });

  it("remaps timeline filter ids and previous snapshots, and marks audit ids of deleted rows", () => {
    const { db, ws } = richSource();
    const dump = exportWorkspaceDump(db, { workspaceId: ws.id });
    const putin = dump.speakers.find((s) => s.name === "Vladimir Putin")!;
    dump.articles[1].previousSnapshotId = dump.articles[0].id;
    dump.auditEvents.push({ entityType: "statement", entityId: "99999", action: "delete", before: null, after: null, actorId: dump.users[0].id, createdAt: dump.exportedAt });
    const target = openDatabase(tempDbFile());
    seedExportWorkspace(target, "filler");
    const { workspace } = importWorkspaceDump(target, { actorId: ensureLocalUser(target).id, dump, name: "Copy", slug: "copy-of-demo" });
    expect(workspace).toMatchObject({ name: "Copy", slug: "copy-of-demo" });
    const again = exportWorkspaceDump(target, { workspaceId: workspace.id });
    const newPutin = again.speakers.find((s) => s.name === "Vladimir Putin")!;
    expect(newPutin.id).not.toBe(putin.id);
    expect(again.timelines[0].filter.speakers).toEqual([newPutin.id]);
    expect(again.articles[1].previousSnapshotId).toBe(again.articles[0].id);
    expect(again.auditEvents.some((e) => e.entityId === "deleted:99999")).toBe(true);
    const reviewKeys = target.select().from(flagReviews).where(eq(flagReviews.workspaceId, workspace.id)).all().map((r) => parseFlagKey(r.flagKey)!);
    const statementIds = new Set(again.statements.map((s) => s.id));
    expect(reviewKeys.every((k) => statementIds.has(k.earlierId) && statementIds.has(k.laterId))).toBe(true);
  });
});

describe("a broken or foreign workspace.json", () => {
  const cases: [string, (d: WorkspaceDump) => unknown, RegExp][] = [
    ["a foreign JSON file", () => ({ name: "some other tool", items: [] }), /not a Claimline workspace export/],
    ["a newer format", (d) => ({ ...d, formatVersion: 2 }), /formatVersion 2/],
    ["a dangling article reference", (d) => ({ ...d, statements: d.statements.map((s, i) => (i === 2 ? { ...s, articleId: 424242 } : s)) }), /statements\[2\]\.articleId refers to article 424242/],
    ["edited article text", (d) => ({ ...d, articles: d.articles.map((a, i) => (i === 0 ? { ...a, text: `${a.text} (edited)` } : a)) }), /articles\[0\]\.textSha256/],
    ["an unknown field", (d) => ({ ...d, statements: d.statements.map((s, i) => (i === 0 ? { ...s, colour: "red" } : s)) }), /Unknown field colour at statements\[0\]/],
    // Passes the schema, fails in SQLite (two speakers with one name): the transaction must undo the half-done import.
    ["rows that break a database rule", (d) => ({ ...d, speakers: [...d.speakers, { ...d.speakers[0], id: 9999 }] }), /could not be imported.*Nothing was imported/],
  ];
  it.each(cases)("%s is refused with a clear message and changes nothing", (_name, breakIt, message) => {
    const { db, ws } = richSource();
    const dump = exportWorkspaceDump(db, { workspaceId: ws.id });
    const target = openDatabase(tempDbFile());
    seedExportWorkspace(target, "existing");
    const before = checksum(target);
    const counts = tableCounts(target);
    expect(() => importWorkspaceDump(target, { actorId: 1, dump: breakIt(structuredClone(dump)) })).toThrow(message);
    expect(tableCounts(target)).toEqual(counts);
    expect(checksum(target)).toBe(before);
  });

  it("names a JSON syntax error", () => {
    expect(() => parseWorkspaceDumpText("{\"formatVersion\": 1,")).toThrow(/not valid JSON/);
    expect(() => parseWorkspaceDumpText("{\"formatVersion\": 1,")).toThrow(expect.objectContaining({ code: "invalid", field: "file" }));
  });
});
