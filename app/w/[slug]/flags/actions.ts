"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { reviewFlag, undoFlagReview } from "@/db/queries/flags";
import { reviewFlagInput, undoFlagReviewInput } from "@/lib/validation/flag";
import { requireWorkspace } from "@/app/_server/context";
import { validatedAction } from "@/app/_server/validated-action";

const slug = z.string().min(1).max(200);

export const reviewFlagAction = validatedAction(reviewFlagInput.safeExtend({ slug }), ({ slug: wsSlug, ...input }, ctx) => {
  const ws = requireWorkspace(ctx, wsSlug, "edit");
  reviewFlag(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, ...input });
  revalidatePath(`/w/${ws.slug}`, "layout");
  return { message: input.decision === "confirmed" ? "Flag confirmed." : "Flag dismissed." };
});

export const undoFlagReviewAction = validatedAction(undoFlagReviewInput.safeExtend({ slug }), ({ slug: wsSlug, flagKey }, ctx) => {
  const ws = requireWorkspace(ctx, wsSlug, "edit");
  undoFlagReview(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, flagKey });
  revalidatePath(`/w/${ws.slug}`, "layout");
  return { message: "Review undone; the flag is back as the engine sees it." };
});
