import Database from "better-sqlite3";
import { createHash } from "node:crypto";

// Direct, read-only looks at a Claimline database file for the reliability
// tests: the checksum that proves a refused request wrote nothing, and the
// invariants that prove no write was half-applied.

export function openReadOnly(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 10000");
  return db;
}

/** Every stored table (FTS shadow tables included: they must not change either). */
export function userTables(db: Database.Database): { name: string; withoutRowid: boolean }[] {
  return (db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name").all() as { name: string; sql: string }[])
    .map((r) => ({ name: r.name, withoutRowid: /WITHOUT\s+ROWID/i.test(r.sql) }));
}

/** One hash per table of every row in rowid order, taken inside one read transaction (a consistent snapshot). */
export function tableChecksums(file: string): Record<string, string> {
  const db = openReadOnly(file);
  try {
    return db.transaction(() => {
      const out: Record<string, string> = {};
      for (const { name, withoutRowid } of userTables(db)) {
        const hash = createHash("sha256");
        // WITHOUT ROWID tables come back in primary-key order.
        const rows = db.prepare(`SELECT * FROM "${name}"${withoutRowid ? "" : " ORDER BY rowid"}`).raw().iterate();
        for (const row of rows) hash.update(JSON.stringify(row, bigintSafe));
        out[name] = hash.digest("hex");
      }
      return out;
    })();
  } finally {
    db.close();
  }
}

const bigintSafe = (_k: string, v: unknown) => (typeof v === "bigint" ? v.toString() : Buffer.isBuffer(v) ? v.toString("hex") : v);

/** Everything that would mean a write was half-applied or the file is damaged; all counts must be 0 and integrity "ok". */
export function consistencyReport(file: string) {
  const db = openReadOnly(file);
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  try {
    return {
      integrity: (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; "),
      foreignKeyViolations: (db.pragma("foreign_key_check") as unknown[]).length,
      statementsWithoutStances: count("SELECT count(*) AS n FROM statements s WHERE NOT EXISTS (SELECT 1 FROM statement_topics t WHERE t.statement_id = s.id)"),
      linksWithMissingStatements: count("SELECT count(*) AS n FROM links l WHERE NOT EXISTS (SELECT 1 FROM statements s WHERE s.id = l.from_statement_id) OR NOT EXISTS (SELECT 1 FROM statements s WHERE s.id = l.to_statement_id)"),
      statementsWithoutAudit: count("SELECT count(*) AS n FROM statements s WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_type = 'statement' AND a.entity_id = CAST(s.id AS TEXT) AND a.action = 'create')"),
      linksWithoutAudit: count("SELECT count(*) AS n FROM links l WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_type = 'link' AND a.entity_id = CAST(l.id AS TEXT) AND a.action = 'create')"),
      auditWithoutStatement: count("SELECT count(*) AS n FROM audit_events a WHERE a.entity_type = 'statement' AND a.action = 'create' AND NOT EXISTS (SELECT 1 FROM statements s WHERE CAST(s.id AS TEXT) = a.entity_id) AND NOT EXISTS (SELECT 1 FROM audit_events d WHERE d.entity_type = 'statement' AND d.entity_id = a.entity_id AND d.action = 'delete')"),
    };
  } finally {
    db.close();
  }
}

export const CONSISTENT = {
  integrity: "ok", foreignKeyViolations: 0, statementsWithoutStances: 0, linksWithMissingStatements: 0,
  statementsWithoutAudit: 0, linksWithoutAudit: 0, auditWithoutStatement: 0,
};
