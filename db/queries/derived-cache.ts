import type { DB } from "../index";
import type { Tx } from "./audit";

type Client = DB["$client"];

/** Per connection (tests open many databases in one process): the state the entries belong to, and a few recent results. */
const caches = new WeakMap<Client, { stamp: string; entries: Map<string, unknown> }>();
const MAX_ENTRIES = 16;

/** One prepared statement per connection: preparing it on every read showed up in the timeline page's profile. */
const stampStatements = new WeakMap<Client, { get(): unknown }>();

/**
 * Changes whenever anything was committed to the file: `data_version` moves
 * when another connection (or process) commits, `total_changes()` when this
 * one writes. Reading both costs microseconds, so every read can check.
 */
function stampOf(client: Client): string {
  let statement = stampStatements.get(client);
  if (!statement) {
    statement = client.prepare("SELECT (SELECT data_version FROM pragma_data_version()) || ':' || total_changes()").pluck();
    stampStatements.set(client, statement);
  }
  return statement.get() as string;
}

/**
 * Derived data that is expensive to compute (every flag of a workspace, a
 * timeline's layout) but read far more often than the data changes: computed
 * once per database state and shared by every request until the next write,
 * which drops every entry at once (they all describe the old state).
 * Inside a transaction nothing is cached, since what it sees may be rolled back.
 * Callers must treat the value as read-only.
 */
export function memoByDbState<T>(db: DB | Tx, key: string, compute: () => T): T {
  const client = (db as DB).$client as Client | undefined;
  if (!client || client.inTransaction) return compute();
  const stamp = stampOf(client);
  let cache = caches.get(client);
  if (!cache || cache.stamp !== stamp) caches.set(client, (cache = { stamp, entries: new Map() }));
  const { entries } = cache;
  if (entries.has(key)) {
    const hit = entries.get(key);
    // Refresh its place: the map's order is the eviction order.
    entries.delete(key);
    entries.set(key, hit);
    return hit as T;
  }
  const value = compute();
  entries.set(key, value);
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}
