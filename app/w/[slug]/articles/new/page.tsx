import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { workspacePage } from "@/app/_server/context";
import { ImportForm } from "@/components/articles/import-form";

export const metadata: Metadata = { title: "Import an article" };

export default async function ImportArticlePage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const { ws } = workspacePage(slug, "edit");
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm"><Link href={`/w/${ws.slug}/articles`} className="text-accent underline">← Articles</Link></p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Import an article</h1>
      <p className="mt-1 max-w-prose text-sm text-muted">
        Claimline keeps an exact, unchangeable copy (a snapshot) of the article&apos;s text, so your statements always point at the words
        as they were. Extract first to check the text and details, then save.
      </p>
      <div className="mt-6">
        <ImportForm slug={ws.slug} />
      </div>
    </main>
  );
}
