import "server-only";
import { randomBytes } from "node:crypto";
import type { ImportDraft } from "@/lib/import/draft";

/*
 * Previewed imports waiting for "Save snapshot". They live in server memory,
 * not in the form, so the browser never has to send 5 MB back and the saved
 * snapshot is exactly what was previewed (a URL is not fetched twice). They
 * are bounded in number, bytes and age; a lost draft (restart, eviction)
 * just asks the user to extract again. Nothing here is ever half-saved data:
 * the database is only written by the save step.
 */

const MAX_DRAFTS = 32;
const MAX_TOTAL_CHARS = 64 * 1024 * 1024;
const TTL_MS = 60 * 60 * 1000;

interface Entry {
  workspaceId: number;
  draft: ImportDraft;
  size: number;
  expiresAt: number;
}

// Kept on globalThis so development hot reloads don't drop drafts mid-preview.
const store = ((globalThis as { claimlineImportDrafts?: Map<string, Entry> }).claimlineImportDrafts ??= new Map<string, Entry>());

function prune(now: number) {
  for (const [key, entry] of store) if (entry.expiresAt <= now) store.delete(key);
  let total = 0;
  for (const entry of store.values()) total += entry.size;
  // Map iteration is insertion order: the oldest drafts go first.
  for (const [key, entry] of store) {
    if (store.size <= MAX_DRAFTS && total <= MAX_TOTAL_CHARS) break;
    store.delete(key);
    total -= entry.size;
  }
}

export function putImportDraft(workspaceId: number, draft: ImportDraft): string {
  const token = randomBytes(18).toString("base64url");
  store.set(token, { workspaceId, draft, size: draft.text.length + (draft.html?.length ?? 0), expiresAt: Date.now() + TTL_MS });
  prune(Date.now());
  return token;
}

/** The draft for this workspace, or null when it expired, was evicted or belongs elsewhere. */
export function getImportDraft(workspaceId: number, token: string): ImportDraft | null {
  prune(Date.now());
  const entry = store.get(token);
  return entry && entry.workspaceId === workspaceId ? entry.draft : null;
}

export function dropImportDraft(token: string): void {
  store.delete(token);
}
