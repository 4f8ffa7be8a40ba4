import type { DB } from "../index";
import type { Tx } from "./audit";

type Client = DB["$client"];
interface Entry { stamp: string; value: unknown }

/** Per connection (tests open many databases in one process), a few recent results per key. */
const caches = new WeakMap<Client, Map<string, Entry>>();
const MAX_ENTRIES = 32;

/**
 * Changes whenever anything was committed to the file: `data_version` moves
 * when another connection (or process) commits, `total_changes()` when this
 * one writes. Reading both costs microseconds, so every read can check.
 */
function stampOf(client: Client): string {
  const version = client.pragma("data_version", { simple: true }) as number;
  const changes = client.prepare("SELECT total_changes()").pluck().get() as number;
  return `${version}:${changes}`;
}

/**
 * Derived data that is expensive to compute (every flag of a workspace, a
 * timeline's layout) but read far more often than the data changes: computed
 * once per database state and shared by every request until the next write.
 * Inside a transaction nothing is cached, since what it sees may be rolled back.
 * Callers must treat the value as read-only.
 */
export function memoByDbState<T>(db: DB | Tx, key: string, compute: () => T): T {
  const client = (db as DB).$client as Client | undefined;
  if (!client || client.inTransaction) return compute();
  let cache = caches.get(client);
  if (!cache) caches.set(client, (cache = new Map()));
  const stamp = stampOf(client);
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) {
    // Refresh its place: the map's order is the eviction order.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as T;
  }
  const value = compute();
  cache.delete(key);
  cache.set(key, { stamp, value });
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}
