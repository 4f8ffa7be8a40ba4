import type { Metadata } from "next";
import { connection } from "next/server";
import { pageRows } from "@/app/_server/timeline-rows";
import { Timeline } from "@/components/timeline/timeline";
import { flagCountText, loadShared, publicOrigin } from "../shared";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { token } = await params;
  return { metadataBase: await publicOrigin(), title: loadShared(token).title, robots: { index: false, follow: false } };
}

/** The compact timeline for an iframe: no site header (see timeline.css), a link out to the full page. */
export default async function EmbeddedTimeline({ params }: Props) {
  await connection();
  const { token } = await params;
  const shared = loadShared(token);
  return (
    <main data-embed data-public className="px-3 py-3">
      <h1 className="text-lg font-semibold leading-tight">
        <a href={`/s/${token}`} target="_blank" rel="noopener" className="hover:underline">{shared.title}</a>
      </h1>
      <p className="mb-3 text-sm text-muted">{shared.inWords} · {flagCountText(shared.flagCount)}</p>
      <Timeline skeleton={shared.model.skeleton} initialRows={pageRows(shared.model, null)} rowsUrl={`/s/${token}/rows`} order={shared.view.order}
        selected={null} viewQuery="" readerBase={null} compact />
      <p className="mt-3 text-xs text-muted">Made with Claimline</p>
    </main>
  );
}
