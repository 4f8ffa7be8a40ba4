import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { workspacePage } from "@/app/_server/context";
import { listTopicsByWorkspace } from "@/db/queries/topics";
import { DirectoryEntry } from "@/components/directory/directory-entry";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { mergeTopicsAction, renameTopicAction, updateTopicAction } from "./actions";

export const metadata: Metadata = { title: "Topics" };

export default async function TopicsPage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const { ws, db } = workspacePage(slug);
  const topics = listTopicsByWorkspace(db, { workspaceId: ws.id });
  const actions = { rename: renameTopicAction, details: updateTopicAction, merge: mergeTopicsAction };
  return (
    <main className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Topics</h1>
      <p className="mt-1 max-w-prose text-muted">
        What statements take positions on. The proposition is the question a stance answers: “supports” means yes, “opposes” means no.
      </p>
      {topics.length === 0 ? (
        <div className="mt-6">
          <EmptyState title="No topics yet" action={<Link href={`/w/${ws.slug}/articles`} className={buttonClass("primary")}>Go to articles</Link>}>
            Topics are created as you tag: select a sentence in an article, choose “Tag statement”, add a topic and the stance it takes.
          </EmptyState>
        </div>
      ) : (
        <ul className="mt-6 flex flex-col gap-3" aria-label="Topics">
          {topics.map((t) => (
            <li key={t.id}>
              <DirectoryEntry slug={ws.slug} noun="topic" entry={t} actions={actions}
                others={topics.filter((o) => o.id !== t.id).map((o) => ({ id: o.id, name: o.name }))}
                mergeConsequence={`“${t.name}” will become an alias of the topic you chose, so tagging with it finds that topic. Where a statement already takes a stance on both, the stance on the topic you chose is kept (the other is recorded in the history).`}
                details={[
                  { name: "proposition", label: "Proposition", value: t.proposition, hint: "A yes/no question, e.g. “Should Ukraine be free to join NATO?”", maxLength: 300 },
                  { name: "description", label: "Description", value: t.description, multiline: true, maxLength: 1000 },
                ]}>
                {t.proposition ? <p className="mt-1 font-serif">{t.proposition}</p> : null}
                {t.description ? <p className="mt-1 text-sm text-muted">{t.description}</p> : null}
                {t.aliases.length ? <p className="mt-1 text-sm"><span className="text-muted">Also filed as: </span>{t.aliases.join(", ")}</p> : null}
              </DirectoryEntry>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
