import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "../index";
import { findCurrentFlag, listFlagsByWorkspace, reviewFlag } from "./flags";
import { cleanupTestDbs, demoDb } from "./test-db";
import { formatFlagKey } from "@/lib/domain/flag-key";
import { FLAG_RULES, LINK_RELATIONS, STANCES, VERDICTS } from "@/lib/domain/enums";
import type { Flag } from "@/lib/flags/engine";
import { prng } from "@/bench/lib/prng";

let db: DB;
let ws: { id: number };
let actorId: number;
beforeEach(() => {
  ({ db, ws, actorId } = demoDb());
});
afterEach(() => cleanupTestDbs());

/**
 * 240 statements by 3 speakers on 3 topics over one year, with same-day ties,
 * month- and year-precision dates, repeated conditions, and about 150 links, of every
 * relation (so some shifts are suppressed, and some pairs are linked both ways).
 */
function busyWorkspace() {
  const sqlite = db.$client;
  const r = prng(7);
  const articleId = (sqlite.prepare("SELECT id FROM articles WHERE workspace_id = ? LIMIT 1").get(ws.id) as { id: number }).id;
  const speakerIds = ["A", "B", "C"].map((n) => Number(sqlite.prepare("INSERT INTO speakers (workspace_id, name, created_by) VALUES (?, ?, ?)").run(ws.id, `Speaker ${n}`, actorId).lastInsertRowid));
  const topicIds = ["X", "Y", "Z"].map((n, i) => Number(sqlite.prepare("INSERT INTO topics (workspace_id, name, proposition, color, created_by) VALUES (?, ?, ?, ?, ?)")
    .run(ws.id, `Topic ${n}`, `Is ${n} so?`, i, actorId).lastInsertRowid));
  const addStatement = sqlite.prepare(`INSERT INTO statements (workspace_id, article_id, speaker_id, quote, prefix, suffix, start, "end", said_on, said_on_precision, kind, summary, created_by)
    VALUES (?, ?, ?, ?, '', '', 0, 5, ?, ?, 'claim', '', ?)`);
  const addStance = sqlite.prepare("INSERT INTO statement_topics (statement_id, topic_id, stance, condition) VALUES (?, ?, ?, ?)");
  const addLink = sqlite.prepare("INSERT OR IGNORE INTO links (workspace_id, from_statement_id, to_statement_id, relation, verdict, created_by) VALUES (?, ?, ?, ?, ?, ?)");
  sqlite.transaction(() => {
    const ids: number[] = [];
    for (let i = 0; i < 240; i++) {
      const precision = r.pick(["day", "day", "day", "month", "year"] as const);
      const month = String(r.int(1, 12)).padStart(2, "0");
      const saidOn = precision === "year" ? "2024-01-01" : precision === "month" ? `2024-${month}-01` : `2024-${month}-${String(1 + r.int(0, 2) * 9).padStart(2, "0")}`;
      const id = Number(addStatement.run(ws.id, articleId, r.pick(speakerIds), `Quote ${i}`, saidOn, precision, actorId).lastInsertRowid);
      for (const topicId of topicIds) if (r.next() < 0.5) {
        const stance = r.pick(STANCES);
        addStance.run(id, topicId, stance, stance === "conditional" ? r.pick(["troops leave", "Troops  leave", "a ceasefire", ""]) : "");
      }
      ids.push(id);
    }
    for (let i = 0; i < 150; i++) {
      const [from, to] = [r.pick(ids), r.pick(ids)];
      if (from !== to) addLink.run(ws.id, from, to, r.pick(LINK_RELATIONS), r.next() < 0.5 ? r.pick(VERDICTS) : null, actorId);
    }
  })();
}

/** A flag as the engine gives it, less its rationale: the list puts one in words in its place. */
function engineFields(flag: Flag): Omit<Flag, "rationale"> {
  const { rationale: _inWords, ...rest } = flag;
  return rest;
}

describe("findCurrentFlag reads only what decides one flag", () => {
  it("agrees with the whole workspace's computation for every flag, and finds no flag where there is none", () => {
    busyWorkspace();
    const all = listFlagsByWorkspace(db, { workspaceId: ws.id });
    expect(new Set(all.map((f) => f.rule))).toEqual(new Set(FLAG_RULES));
    for (const flag of all) {
      const found = findCurrentFlag(db, { workspaceId: ws.id, flagKey: flag.key });
      expect(found).not.toBeNull();
      expect(flag).toMatchObject(engineFields(found!));
    }
    // Every pair of one speaker's statements on one topic, both ways round, under every rule: neighbours with
    // different stances are shifts, pairs further apart are not, and only linked pairs have a link's flag.
    const keys = new Set(all.map((f) => f.key));
    const group = db.$client.prepare(`SELECT s.id FROM statements s JOIN statement_topics st ON st.statement_id = s.id
      JOIN speakers sp ON sp.id = s.speaker_id JOIN topics t ON t.id = st.topic_id WHERE sp.name = 'Speaker A' AND t.name = 'Topic X' ORDER BY s.id LIMIT 24`).all() as { id: number }[];
    const topicId = (db.$client.prepare("SELECT id FROM topics WHERE name = 'Topic X'").get() as { id: number }).id;
    expect(group).toHaveLength(24);
    let found = 0;
    for (const { id: a } of group) for (const { id: b } of group) for (const rule of FLAG_RULES) {
      if (a === b) continue;
      const key = formatFlagKey({ rule, earlierId: a, laterId: b, topicId });
      const exists = findCurrentFlag(db, { workspaceId: ws.id, flagKey: key }) !== null;
      expect(exists, key).toBe(keys.has(key));
      if (exists) found++;
    }
    expect(found).toBeGreaterThan(10);
  });

  it("still finds a shift that a 'no flip' review hid, as detected, and never one of another workspace", () => {
    busyWorkspace();
    const shift = listFlagsByWorkspace(db, { workspaceId: ws.id, rule: "stance_shift" }).at(-1)!;
    reviewFlag(db, { workspaceId: ws.id, actorId, flagKey: shift.key, decision: "confirmed", verdict: "no_flip" });
    expect(listFlagsByWorkspace(db, { workspaceId: ws.id }).some((f) => f.key === shift.key)).toBe(false);
    expect(findCurrentFlag(db, { workspaceId: ws.id, flagKey: shift.key })).toMatchObject({ key: shift.key, status: "detected", severity: shift.severity });
    expect(findCurrentFlag(db, { workspaceId: ws.id + 1, flagKey: shift.key })).toBeNull();
    expect(findCurrentFlag(db, { workspaceId: ws.id, flagKey: "stance_shift:1:2" })).toBeNull();
  });
});
