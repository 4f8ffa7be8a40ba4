import { Link } from "@/components/ui/link";
import type { Timeline } from "@/db/schema";
import { parseTimelineView, serializeTimelineView } from "@/lib/timeline/view-state";
import { EmptyState } from "@/components/ui/empty-state";
import { ShareTimelineButton } from "./share-dialog";

/** The workspace's saved timelines: open one (its view becomes the URL), share it, see whether it is public. */
export function SavedTimelines({ slug, timelines }: { slug: string; timelines: Timeline[] }) {
  if (!timelines.length) {
    return <EmptyState title="No saved timelines">Set the filters, then “Save view” to keep this timeline and share it with a link.</EmptyState>;
  }
  return (
    <ul aria-label="Saved timelines" className="flex flex-col gap-3">
      {timelines.map((t) => {
        const qs = serializeTimelineView(parseTimelineView(t.filter));
        return (
          <li key={t.id} className="rounded-lg border border-line bg-panel p-3">
            <Link href={`/w/${slug}/timeline${qs ? `?${qs}` : ""}`} className="font-medium text-accent underline">{t.title}</Link>
            {t.description ? <p className="mt-0.5 text-sm text-muted">{t.description}</p> : null}
            <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
              <span className="text-muted">{t.shareToken ? "Public link on" : "Private"}</span>
              <ShareTimelineButton slug={slug} id={t.id} title={t.title} token={t.shareToken} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
