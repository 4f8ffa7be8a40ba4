import type { Metadata } from "next";
import { connection } from "next/server";
import { workspacePage } from "@/app/_server/context";
import { StatementCsvImportForm } from "@/components/exports/statement-csv-import-form";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  return { title: `Import statements · ${workspacePage(slug).ws.name}` };
}

export default async function ImportStatementsCsvPage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const { ws } = workspacePage(slug, "edit");
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Import statements from CSV</h1>
      <div className="mt-2 max-w-prose text-sm text-muted">
        <p>
          Use the columns of an exported <code>statements.csv</code>, or a simple sheet with the columns
          <strong> speaker, date, quote, source url, topic, stance</strong> (date as YYYY-MM-DD, YYYY-MM or YYYY).
        </p>
        <p className="mt-2">
          Each quote must occur word for word in an article of this workspace with that URL, so import the articles first.
          Checking the file saves nothing: you see which rows will be imported and which have errors, then confirm.
        </p>
      </div>
      <StatementCsvImportForm slug={ws.slug} />
    </main>
  );
}
