"use client";

import { useEffect, useState } from "react";
import type { LinkSearchResult } from "@/db/queries/suggestions";
import { searchLinkTargetsAction } from "@/app/w/[slug]/statements/[id]/actions";

export interface LinkSearchQuery { q: string; speakerId: string; topicId: string }

/**
 * Runs the FTS search as the user types, after a short pause so each
 * keystroke does not hit the server; a stale answer never overwrites a newer one.
 */
export function useLinkSearch(slug: string, excludeId: number, query: LinkSearchQuery, enabled: boolean) {
  const [results, setResults] = useState<LinkSearchResult[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const timer = setTimeout(async () => {
      setLoading(true);
      const res = await searchLinkTargetsAction(undefined, { slug, excludeId, q: query.q, speakerId: query.speakerId || undefined, topicId: query.topicId || undefined });
      if (!current) return;
      setLoading(false);
      if (res.status === "ok") { setResults(res.data ?? []); setError(null); }
      else if (res.status === "error") setError(res.error.message);
    }, 150);
    return () => { current = false; clearTimeout(timer); };
  }, [slug, excludeId, query.q, query.speakerId, query.topicId, enabled]);
  return { results, error, loading };
}
