import { eq } from "drizzle-orm";
import { timelines } from "../schema";
import type { Tx } from "./audit";

/**
 * Saved timelines keep their filter as the URL's shape ({ speakers: [ids], topics: [ids] }):
 * after a merge the source id would match nothing, so it becomes the target id.
 * Returns the ids of the timelines that changed.
 */
export function repointTimelineFilters(tx: Tx, { workspaceId, key, sourceId, targetId }: { workspaceId: number; key: "speakers" | "topics"; sourceId: number; targetId: number }): number[] {
  const changed: number[] = [];
  for (const t of tx.select({ id: timelines.id, filter: timelines.filter }).from(timelines).where(eq(timelines.workspaceId, workspaceId)).all()) {
    const list = t.filter?.[key];
    if (!Array.isArray(list) || !list.includes(sourceId)) continue;
    const next = [...new Set(list.map((v) => (v === sourceId ? targetId : v)))];
    tx.update(timelines).set({ filter: { ...t.filter, [key]: next }, updatedAt: new Date().toISOString() }).where(eq(timelines.id, t.id)).run();
    changed.push(t.id);
  }
  return changed;
}

export const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** After merging `source` into `target`: the target's aliases, then the source's name and aliases, once each, never the target's own name. */
export function mergedAliases(target: { name: string; aliases: string[] }, source: { name: string; aliases: string[] }): string[] {
  const aliases: string[] = [];
  for (const a of [...target.aliases, source.name, ...source.aliases]) {
    if (!sameName(a, target.name) && !aliases.some((x) => sameName(x, a))) aliases.push(a);
  }
  return aliases;
}
