import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { listWorkspaces } from "@/db/queries/workspaces";
import { getRequestContext } from "./_server/context";
import { CreateWorkspaceForm } from "@/components/workspace/create-workspace-form";
import { EmptyState } from "@/components/ui/empty-state";

export default async function HomePage() {
  await connection();
  const { db } = getRequestContext();
  const workspaces = listWorkspaces(db);
  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="text-3xl font-semibold tracking-tight">Workspaces</h1>
      <p className="mt-2 max-w-prose text-muted">
        A workspace is one investigation: the articles you read, the statements you tag in them, and the timelines that show where a speaker&apos;s words stopped adding up.
      </p>
      <div className="mt-8 grid gap-8 md:grid-cols-[1fr_20rem]">
        <section aria-labelledby="ws-list">
          <h2 id="ws-list" className="sr-only">Your workspaces</h2>
          {workspaces.length === 0 ? (
            <EmptyState title="No workspaces yet">Create one to start importing articles and tagging statements.</EmptyState>
          ) : (
            <ul className="flex flex-col gap-3">
              {workspaces.map((w) => (
                <li key={w.id}>
                  <Link href={`/w/${w.slug}`} className="block rounded-lg border border-line bg-panel p-4 hover:border-accent">
                    <span className="font-semibold">{w.name}</span>
                    {w.description ? <span className="mt-1 block text-sm text-muted">{w.description}</span> : null}
                    <span className="mt-2 block text-xs text-muted">{w.articleCount} articles · {w.statementCount} statements</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="ws-new" className="rounded-lg border border-line bg-panel p-4">
          <h2 id="ws-new" className="font-semibold">New workspace</h2>
          <CreateWorkspaceForm />
          <p className="mt-4 border-t border-line pt-3 text-sm">
            <Link href="/import" className="underline">Import a workspace from a workspace.json file</Link>
          </p>
        </section>
      </div>
    </main>
  );
}
