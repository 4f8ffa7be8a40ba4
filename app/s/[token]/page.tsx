import type { Metadata } from "next";
import { connection } from "next/server";
import { pageRows } from "@/app/_server/timeline-rows";
import { parseTimelineView } from "@/lib/timeline/view-state";
import { Timeline } from "@/components/timeline/timeline";
import { EmptyState } from "@/components/ui/empty-state";
import { flagCountText, loadShared, publicOrigin } from "./shared";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { token } = await params;
  const shared = loadShared(token);
  const description = [shared.description, `${shared.inWords} · ${shared.data.statements.length} statements, ${flagCountText(shared.flagCount)}.`].filter(Boolean).join(" ");
  return {
    metadataBase: await publicOrigin(),
    title: shared.title,
    description,
    // The link is meant for the people it is sent to, not for search engines.
    robots: { index: false, follow: false },
    openGraph: { type: "article", title: shared.title, description, url: `/s/${token}`, siteName: "Claimline" },
    twitter: { card: "summary_large_image", title: shared.title, description, images: [`/s/${token}/opengraph-image`] },
  };
}

export default async function SharedTimelinePage({ params, searchParams }: Props) {
  await connection();
  const { token } = await params;
  const shared = loadShared(token);
  // The reader may only move the selection; the filter is the one that was shared.
  const selected = parseTimelineView(await searchParams).selected;
  const { statements } = shared.data;
  return (
    <main data-public className="mx-auto max-w-5xl px-4 py-8">
      <header className="mb-6 border-b border-line pb-4">
        <p className="text-xs uppercase tracking-wide text-muted">Shared timeline · read only</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{shared.title}</h1>
        {shared.description ? <p className="mt-1 max-w-prose">{shared.description}</p> : null}
        <p className="mt-2 text-muted">{shared.inWords}</p>
        <p className="mt-3 text-sm" data-no-print>
          <a href={`/s/${token}/timeline.csv`} className="text-accent underline" download>Export as CSV</a>
        </p>
      </header>
      {statements.length ? (
        <Timeline skeleton={shared.model.skeleton} initialRows={pageRows(shared.model, selected)} rowsUrl={`/s/${token}/rows`} order={shared.view.order}
          selected={selected} viewQuery="" readerBase={null} />
      ) : <EmptyState title="Nothing to show">This timeline has no statements at the moment.</EmptyState>}
    </main>
  );
}
