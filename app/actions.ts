"use server";

import { redirect } from "next/navigation";
import { createWorkspace } from "@/db/queries/workspaces";
import { createWorkspaceInput } from "@/lib/validation/workspace";
import { validatedAction } from "./_server/validated-action";

export const createWorkspaceAction = validatedAction(createWorkspaceInput, (input, { db, user }) => {
  const ws = createWorkspace(db, { ...input, actorId: user.id });
  redirect(`/w/${ws.slug}`);
});
