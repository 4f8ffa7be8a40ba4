import { AppError } from "@/db/errors";
import { listFlagsByWorkspace, reviewFlag, undoFlagReview } from "@/db/queries/flags";
import { endpoints } from "@/lib/api/endpoints";
import { flagBody, requireFlagWorkspace } from "../../../_lib/flags";
import { route } from "../../../_lib/route";

export const dynamic = "force-dynamic";

/** The flags module names the key `flagKey`; in the API it is the path's `id`. */
function asPathId<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof AppError && error.field === "flagKey") throw new AppError(error.code, error.message, "id");
    throw error;
  }
}

export const POST = route(endpoints.reviewFlag, ({ ctx, params, body }) => {
  const ws = requireFlagWorkspace(ctx, params.id, "edit");
  const decision = body.decision === "confirm" ? "confirmed" as const : "dismissed" as const;
  const review = asPathId(() => reviewFlag(ctx.db, {
    workspaceId: ws.id, actorId: ctx.user.id, flagKey: params.id, decision, verdict: body.verdict ?? null, note: body.note,
  }));
  // A detected shift confirmed as "no flip" is a person saying it is consistent: the flag is gone (null).
  const flag = listFlagsByWorkspace(ctx.db, { workspaceId: ws.id }).find((f) => f.key === params.id);
  return { id: params.id, decision: review.decision, verdict: review.verdict, note: review.note, flag: flag ? flagBody(flag) : null };
});

export const DELETE = route(endpoints.undoFlagReview, ({ ctx, params }) => {
  const ws = requireFlagWorkspace(ctx, params.id, "edit");
  asPathId(() => undoFlagReview(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, flagKey: params.id }));
  return null;
});
