import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { ImportWorkspaceForm } from "@/components/exports/import-workspace-form";

export const metadata: Metadata = { title: "Import a workspace" };

export default async function ImportWorkspacePage() {
  await connection();
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <p className="text-sm"><Link href="/" className="text-muted hover:text-ink">← Workspaces</Link></p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Import a workspace</h1>
      <p className="mt-2 max-w-prose text-muted">
        Choose a <code>workspace.json</code> exported from Claimline (Export → Whole workspace). It becomes a new workspace with
        its articles, statements, links, flag reviews, timelines and history; the workspace it came from is not touched.
        A damaged file or a file from another tool is refused, and nothing is saved.
      </p>
      <ImportWorkspaceForm />
    </main>
  );
}
