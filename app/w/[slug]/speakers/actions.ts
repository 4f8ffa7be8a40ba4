"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { mergeSpeakers, renameSpeaker, updateSpeaker } from "@/db/queries/speakers";
import { mergeFields, refineDistinct, renameSpeakerFields, updateSpeakerFields } from "@/lib/validation/speaker";
import { requireWorkspace } from "@/app/_server/context";
import { validatedAction } from "@/app/_server/validated-action";

const slug = z.string().min(1).max(100);

export const renameSpeakerAction = validatedAction(z.strictObject({ slug, ...renameSpeakerFields }), ({ slug, id, name }, ctx) => {
  const ws = requireWorkspace(ctx, slug, "edit");
  const speaker = renameSpeaker(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id, name });
  revalidatePath(`/w/${ws.slug}`, "layout");
  return { message: `Renamed to “${speaker.name}”.` };
});

export const updateSpeakerAction = validatedAction(z.strictObject({ slug, ...updateSpeakerFields }), ({ slug, id, aliases, description }, ctx) => {
  const ws = requireWorkspace(ctx, slug, "edit");
  const speaker = updateSpeaker(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id, aliases, description });
  revalidatePath(`/w/${ws.slug}`, "layout");
  return { message: `Saved the details of ${speaker.name}.` };
});

export const mergeSpeakersAction = validatedAction(z.strictObject({ slug, ...mergeFields }).superRefine(refineDistinct), ({ slug, sourceId, targetId }, ctx) => {
  const ws = requireWorkspace(ctx, slug, "edit");
  const { target, movedStatements } = mergeSpeakers(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, sourceId, targetId });
  revalidatePath(`/w/${ws.slug}`, "layout");
  return { message: `Merged into ${target.name}: ${movedStatements} ${movedStatements === 1 ? "statement" : "statements"} moved; the old name is now an alias.` };
});
