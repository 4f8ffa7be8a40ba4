"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { mergeTopics, renameTopic, updateTopic } from "@/db/queries/topics";
import { mergeFields, renameTopicFields, updateTopicFields } from "@/lib/validation/topic";
import { refineDistinct } from "@/lib/validation/speaker";
import { requireWorkspace } from "@/app/_server/context";
import { validatedAction } from "@/app/_server/validated-action";

const slug = z.string().min(1).max(100);

export const renameTopicAction = validatedAction(z.strictObject({ slug, ...renameTopicFields }), ({ slug, id, name }, ctx) => {
  const ws = requireWorkspace(ctx, slug, "edit");
  const topic = renameTopic(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id, name });
  revalidatePath(`/w/${ws.slug}`, "layout");
  return { message: `Renamed to “${topic.name}”.` };
});

export const updateTopicAction = validatedAction(z.strictObject({ slug, ...updateTopicFields }), ({ slug, id, proposition, description }, ctx) => {
  const ws = requireWorkspace(ctx, slug, "edit");
  const topic = updateTopic(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id, proposition, description });
  revalidatePath(`/w/${ws.slug}`, "layout");
  return { message: `Saved the details of ${topic.name}.` };
});

export const mergeTopicsAction = validatedAction(z.strictObject({ slug, ...mergeFields }).superRefine(refineDistinct), ({ slug, sourceId, targetId }, ctx) => {
  const ws = requireWorkspace(ctx, slug, "edit");
  const { target, movedStatements, keptTargetStances } = mergeTopics(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, sourceId, targetId });
  revalidatePath(`/w/${ws.slug}`, "layout");
  const kept = keptTargetStances ? ` ${keptTargetStances} already had a stance on ${target.name} and kept it.` : "";
  return { message: `Merged into ${target.name}: ${movedStatements} ${movedStatements === 1 ? "stance" : "stances"} moved; the old name is now an alias.${kept}` };
});
