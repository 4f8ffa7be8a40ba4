"use client";

import { useCallback, useRef, useState } from "react";
import type { TimelineRowView } from "@/lib/timeline/model";

/** Rows fetched at a time: about six screens, one small JSON response. */
export const ROW_CHUNK = 100;

export type RowsProblem = "changed" | "failed" | null;

/**
 * The rows of a long timeline that the browser holds: those the page came
 * with, plus chunks fetched from `rowsUrl` as the list scrolls near them.
 * A chunk is asked for once; a failed one may be asked for again. When the
 * timeline changed on the server since the page was rendered, rows would no
 * longer line up, so the hook says so instead of mixing two versions.
 */
export function useTimelineRows({ initial, rowsUrl, total, version }: { initial: TimelineRowView[]; rowsUrl: string | null; total: number; version: string }) {
  const [rows, setRows] = useState(() => new Map(initial.map((r) => [r.index, r])));
  const [problem, setProblem] = useState<RowsProblem>(null);
  const asked = useRef<Set<number> | null>(null);
  if (asked.current === null) asked.current = completeChunks(initial, total);
  // The page re-rendered (same layout, e.g. after a refresh): its rows are the freshest.
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    setRows((prev) => withRows(prev, initial));
  }

  const ensure = useCallback((from: number, to: number) => {
    if (!rowsUrl || problem === "changed") return;
    const chunks = asked.current!;
    for (let c = Math.floor(Math.max(0, from) / ROW_CHUNK); c * ROW_CHUNK < Math.min(to, total); c++) {
      if (chunks.has(c)) continue;
      chunks.add(c);
      const params = new URLSearchParams({ start: String(c * ROW_CHUNK), end: String(Math.min(total, (c + 1) * ROW_CHUNK)), v: version });
      fetch(`${rowsUrl}${rowsUrl.includes("?") ? "&" : "?"}${params}`, { headers: { Accept: "application/json" } })
        .then(async (res) => {
          if (res.status === 409) return setProblem("changed");
          if (!res.ok) throw new Error(String(res.status));
          const body = (await res.json()) as { rows: TimelineRowView[] };
          setProblem((p) => (p === "failed" ? null : p));
          setRows((prev) => withRows(prev, body.rows));
        })
        .catch(() => {
          chunks.delete(c);
          setProblem("failed");
        });
    }
  }, [rowsUrl, problem, total, version]);

  return { rows, ensure, problem };
}

function withRows(prev: Map<number, TimelineRowView>, rows: TimelineRowView[]): Map<number, TimelineRowView> {
  const next = new Map(prev);
  for (const r of rows) next.set(r.index, r);
  return next;
}

/** Chunks the page already holds every row of, so they are never fetched. */
function completeChunks(initial: TimelineRowView[], total: number): Set<number> {
  const counts = new Map<number, number>();
  for (const r of initial) counts.set(Math.floor(r.index / ROW_CHUNK), (counts.get(Math.floor(r.index / ROW_CHUNK)) ?? 0) + 1);
  const done = new Set<number>();
  for (const [c, n] of counts) if (n === Math.min(ROW_CHUNK, total - c * ROW_CHUNK)) done.add(c);
  return done;
}
