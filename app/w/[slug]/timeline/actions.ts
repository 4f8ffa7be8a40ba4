"use server";

import { revalidatePath } from "next/cache";
import { createTimeline, revokeShare, shareTimeline } from "@/db/queries/timelines";
import { saveTimelineInput, timelineRefInput } from "@/lib/validation/timeline";
import { parseTimelineView } from "@/lib/timeline/view-state";
import { requireWorkspace } from "@/app/_server/context";
import { validatedAction } from "@/app/_server/validated-action";

export const saveTimelineAction = validatedAction(saveTimelineInput, (input, ctx) => {
  const ws = requireWorkspace(ctx, input.slug, "edit");
  const filter = parseTimelineView(new URLSearchParams(input.view));
  const timeline = createTimeline(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, title: input.title, description: input.description, filter });
  revalidatePath(`/w/${ws.slug}/timeline`);
  return { message: `Saved “${timeline.title}”.`, data: { id: timeline.id } };
});

export const shareTimelineAction = validatedAction(timelineRefInput, (input, ctx) => {
  const ws = requireWorkspace(ctx, input.slug, "edit");
  const { token } = shareTimeline(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id: input.id });
  revalidatePath(`/w/${ws.slug}/timeline`);
  return { message: "Public link created.", data: { token } };
});

export const revokeShareAction = validatedAction(timelineRefInput, (input, ctx) => {
  const ws = requireWorkspace(ctx, input.slug, "edit");
  revokeShare(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id: input.id });
  revalidatePath(`/w/${ws.slug}/timeline`);
  return { message: "Public link revoked; the old address now shows nothing." };
});
