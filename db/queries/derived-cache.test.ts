import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase, type DB } from "../index";
import { seedDemoWorkspace } from "../seed";
import { statements } from "../schema";
import { memoByDbState } from "./derived-cache";
import { listFlagsByWorkspace } from "./flags";
import { getTimelineModel } from "./timeline-view";
import { DEFAULT_VIEW } from "@/lib/timeline/view-state";

let dir: string;
let file: string;
let db: DB;
let ws: { id: number };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimline-memo-"));
  file = path.join(dir, "test.db");
  db = openDatabase(file);
  ws = seedDemoWorkspace(db);
});
afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const counter = () => {
  let calls = 0;
  return { compute: () => ({ call: ++calls }), calls: () => calls };
};

describe("memoByDbState", () => {
  it("computes once while nothing is written, again after any write on this connection", () => {
    const c = counter();
    const first = memoByDbState(db, "k", c.compute);
    expect(memoByDbState(db, "k", c.compute)).toBe(first);
    db.update(statements).set({ summary: "edited" }).where(eq(statements.workspaceId, ws.id)).run();
    expect(memoByDbState(db, "k", c.compute)).not.toBe(first);
    expect(c.calls()).toBe(2);
  });

  it("notices a commit from another connection (another server process on the same file)", () => {
    const c = counter();
    const first = memoByDbState(db, "k", c.compute);
    const other = openDatabase(file);
    try {
      other.update(statements).set({ summary: "from elsewhere" }).where(eq(statements.workspaceId, ws.id)).run();
    } finally {
      other.$client.close();
    }
    expect(memoByDbState(db, "k", c.compute)).not.toBe(first);
  });

  it("never caches what a transaction sees, since it may be rolled back", () => {
    const c = counter();
    expect(() => db.transaction(() => {
      db.update(statements).set({ summary: "doomed" }).where(eq(statements.workspaceId, ws.id)).run();
      memoByDbState(db, "k", c.compute);
      throw new Error("roll back");
    })).toThrow("roll back");
    memoByDbState(db, "k", c.compute);
    expect(c.calls()).toBe(2);
  });

  it("keeps separate keys apart", () => {
    expect(memoByDbState(db, "a", () => 1)).toBe(1);
    expect(memoByDbState(db, "b", () => 2)).toBe(2);
    expect(memoByDbState(db, "a", () => 3)).toBe(1);
  });
});

describe("cached flags and timelines follow writes", () => {
  it("a deleted statement's flags and row disappear on the next read", () => {
    const before = getTimelineModel(db, { workspaceId: ws.id, filter: DEFAULT_VIEW });
    const flagged = listFlagsByWorkspace(db, { workspaceId: ws.id })[0];
    expect(flagged).toBeDefined();
    db.delete(statements).where(eq(statements.id, flagged.laterId)).run();
    const after = getTimelineModel(db, { workspaceId: ws.id, filter: DEFAULT_VIEW });
    expect(after.model.skeleton.total).toBe(before.model.skeleton.total - 1);
    expect(after.model.skeleton.version).not.toBe(before.model.skeleton.version);
    expect(listFlagsByWorkspace(db, { workspaceId: ws.id }).some((f) => f.laterId === flagged.laterId)).toBe(false);
  });
});
