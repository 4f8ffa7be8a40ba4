"use server";

import { redirect } from "next/navigation";
import { AppError } from "@/db/errors";
import { importWorkspaceDump, parseWorkspaceDumpText } from "@/db/queries/workspace-dump";
import { uploadText, workspaceJsonUploadInput } from "@/lib/validation/export-import";
import { validatedAction, type ActionState } from "@/app/_server/validated-action";

const importWorkspace = validatedAction(workspaceJsonUploadInput, async (input, { db, user }) => {
  const text = await uploadText(input.file).catch(() => {
    throw new AppError("unsupported_type", "That file is not text; choose a workspace.json exported by Claimline.", "file");
  });
  const { workspace } = importWorkspaceDump(db, { actorId: user.id, dump: parseWorkspaceDumpText(text), name: input.name || undefined });
  redirect(`/w/${workspace.slug}`);
});

/** FormData carries the File itself; validatedAction's form reader keeps only strings, so hand it an object. */
export async function importWorkspaceAction(prev: ActionState | undefined, form: FormData): Promise<ActionState> {
  return importWorkspace(prev, { file: form.get("file") as File, name: (form.get("name") as string | null) || undefined });
}
