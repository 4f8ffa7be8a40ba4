import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { workspacePage } from "@/app/_server/context";
import { listSpeakersByWorkspace } from "@/db/queries/speakers";
import { DirectoryEntry } from "@/components/directory/directory-entry";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { mergeSpeakersAction, renameSpeakerAction, updateSpeakerAction } from "./actions";

export const metadata: Metadata = { title: "Speakers" };

export default async function SpeakersPage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const { ws, db } = workspacePage(slug);
  const speakers = listSpeakersByWorkspace(db, { workspaceId: ws.id });
  const actions = { rename: renameSpeakerAction, details: updateSpeakerAction, merge: mergeSpeakersAction };
  return (
    <main className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Speakers</h1>
      <p className="mt-1 max-w-prose text-muted">
        Who said what. Aliases let the tag form and search find a speaker under other spellings; merging a duplicate moves its statements
        and keeps its name as an alias.
      </p>
      {speakers.length === 0 ? (
        <div className="mt-6">
          <EmptyState title="No speakers yet" action={<Link href={`/w/${ws.slug}/articles`} className={buttonClass("primary")}>Go to articles</Link>}>
            Speakers are created as you tag: select a sentence in an article, choose “Tag statement” and type who said it.
          </EmptyState>
        </div>
      ) : (
        <ul className="mt-6 flex flex-col gap-3" aria-label="Speakers">
          {speakers.map((s) => (
            <li key={s.id}>
              <DirectoryEntry slug={ws.slug} noun="speaker" entry={s} actions={actions}
                others={speakers.filter((o) => o.id !== s.id).map((o) => ({ id: o.id, name: o.name }))}
                mergeConsequence={`“${s.name}”${s.aliases.length ? " and its aliases" : ""} will become ${s.aliases.length ? "aliases" : "an alias"} of the speaker you chose.`}
                details={[
                  { name: "aliases", label: "Aliases", value: s.aliases.join("\n"), multiline: true, hint: "One per line: other spellings, transliterations, short names.", maxLength: 10_000 },
                  { name: "description", label: "Description", value: s.description, hint: "Who they are, e.g. “President of Russia”.", maxLength: 1000 },
                ]}>
                {s.description ? <p className="mt-1 text-sm text-muted">{s.description}</p> : null}
                {s.aliases.length ? (
                  <p className="mt-1 text-sm"><span className="text-muted">Also known as: </span>{s.aliases.join(", ")}</p>
                ) : null}
              </DirectoryEntry>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
