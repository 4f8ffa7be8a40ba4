import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { getSharedTimelineByToken, type SharedTimeline } from "@/db/queries/timelines";
import { describeTimelineView } from "@/lib/timeline/describe";

/**
 * The shared timeline behind a token, or the plain 404 page: unknown and
 * revoked tokens look exactly alike. Cached per request so the page, its
 * metadata and its image share one lookup.
 */
export const loadShared = cache((token: string): SharedTimeline & { inWords: string; flagCount: number } => {
  const shared = getSharedTimelineByToken(getDb(), { token });
  if (!shared) notFound();
  return { ...shared, inWords: describeTimelineView(shared.view, shared.names, shared.data.span), flagCount: shared.data.flags.length };
});

/** Absolute URLs for Open Graph: the configured public address, else the one the request came to. */
export async function publicOrigin(): Promise<URL> {
  if (process.env.CLAIMLINE_PUBLIC_URL) return new URL(process.env.CLAIMLINE_PUBLIC_URL);
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return new URL(`${proto}://${host}`);
}

export const flagCountText = (n: number) => `${n} ${n === 1 ? "flag" : "flags"}`;
