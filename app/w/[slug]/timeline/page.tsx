import type { Metadata } from "next";
import { connection } from "next/server";
import { workspacePage } from "@/app/_server/context";
import { getTimelineModel, listTimelinesByWorkspace } from "@/db/queries/timelines";
import { pageRows } from "@/app/_server/timeline-rows";
import { listSpeakersByWorkspace } from "@/db/queries/speakers";
import { listTopicsByWorkspace } from "@/db/queries/topics";
import { describeTimelineView } from "@/lib/timeline/describe";
import { parseTimelineView, serializeTimelineView } from "@/lib/timeline/view-state";
import { Timeline } from "@/components/timeline/timeline";
import { TimelineFilters } from "@/components/timeline/timeline-filters";
import { SaveTimelineForm } from "@/components/timeline/save-timeline-form";
import { SavedTimelines } from "@/components/timeline/saved-timelines";
import { EmptyState } from "@/components/ui/empty-state";
import { ExportMenu } from "@/components/exports/export-menu";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: `Timeline · ${workspacePage(slug).ws.name}` };
}

export default async function TimelinePage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const { ws, db } = workspacePage(slug);
  const view = parseTimelineView(await searchParams);
  const { data, model } = getTimelineModel(db, { workspaceId: ws.id, filter: view });
  const speakers = listSpeakersByWorkspace(db, { workspaceId: ws.id }).map((s) => ({ id: s.id, name: s.name }));
  const topics = listTopicsByWorkspace(db, { workspaceId: ws.id }).map((t) => ({ id: t.id, name: t.name }));
  const names = { speakers: new Map(speakers.map((s) => [s.id, s.name])), topics: new Map(topics.map((t) => [t.id, t.name])) };
  const inWords = describeTimelineView(view, names, data.span);
  const saved = listTimelinesByWorkspace(db, { workspaceId: ws.id });
  const viewQuery = serializeTimelineView({ ...view, selected: null });
  const filtered = serializeTimelineView({ ...view, selected: null, scale: null, order: "asc" }) !== "";

  return (
    <main className="mx-auto grid max-w-6xl gap-8 px-4 py-8 lg:grid-cols-[15rem_minmax(0,1fr)] print:block">
      <aside aria-label="Timeline controls" className="flex flex-col gap-8 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto" data-no-print>
        <TimelineFilters view={view} speakers={speakers} topics={topics} />
      </aside>
      <div className="min-w-0">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Timeline</h1>
            <p className="mt-1 text-muted" id="timeline-filter-words">{inWords}</p>
          </div>
          <div data-no-print><ExportMenu slug={ws.slug} timelineQuery={serializeTimelineView({ ...view, selected: null })} /></div>
        </div>
        <div className="mt-6">
          {data.statements.length ? (
            <Timeline skeleton={model.skeleton} initialRows={pageRows(model, view.selected)} order={view.order} selected={view.selected}
              rowsUrl={`/w/${ws.slug}/timeline/rows?${viewQuery}`} viewQuery={viewQuery} readerBase={`/w/${ws.slug}/articles`} />
          ) : (
            <EmptyState title={filtered ? "No statements match these filters" : "No statements yet"}>
              {filtered ? "Loosen a filter on the left, or clear them all." : "Tag statements in an article: they appear here in the order they were said, with their flags."}
            </EmptyState>
          )}
        </div>
        <div className="mt-10 grid gap-8 md:grid-cols-2" data-no-print>
          <section aria-labelledby="save-view-heading">
            <h2 id="save-view-heading" className="mb-3 text-lg font-semibold">Save this view</h2>
            <SaveTimelineForm slug={ws.slug} view={serializeTimelineView({ ...view, selected: null })} />
          </section>
          <section aria-labelledby="saved-heading">
            <h2 id="saved-heading" className="mb-3 text-lg font-semibold">Saved timelines</h2>
            <SavedTimelines slug={ws.slug} timelines={saved} />
          </section>
        </div>
      </div>
    </main>
  );
}
