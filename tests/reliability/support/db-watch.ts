import type Database from "better-sqlite3";
import { openReadOnly, tableChecksums } from "./db-check";

/**
 * Proves that a refused request wrote nothing. `PRAGMA data_version` on our
 * own connection changes whenever another connection commits, so it is a
 * cheap first look; the per-table checksums (a hash of every row in rowid
 * order) are taken again only after a commit, and compared to name the
 * tables a refused request touched.
 */
export class DbWatch {
  private readonly db: Database.Database;
  private sums: Record<string, string>;
  private version: number;

  constructor(private readonly file: string) {
    this.db = openReadOnly(file);
    this.version = this.dataVersion();
    this.sums = tableChecksums(file);
  }

  private dataVersion(): number {
    return this.db.pragma("data_version", { simple: true }) as number;
  }

  /** The state before a request: checksums as of the latest commit. */
  snapshot(): { version: number; sums: Record<string, string> } {
    const version = this.dataVersion();
    if (version !== this.version) {
      this.sums = tableChecksums(this.file);
      this.version = version;
    }
    return { version: this.version, sums: this.sums };
  }

  /** Tables whose rows differ from `before`; a commit that changed no row is reported too. */
  changedSince(before: { version: number; sums: Record<string, string> }): string[] {
    const now = this.snapshot();
    if (now.version === before.version) return [];
    const changed = Object.keys({ ...now.sums, ...before.sums }).filter((t) => now.sums[t] !== before.sums[t]);
    return changed.length ? changed : ["(a commit with no row changes)"];
  }

  close() {
    this.db.close();
  }
}
