import { reviewFlagByKey, workspaceOfFlagKey } from "@/db/queries/flags-interim";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "../../../_lib/route";
import { requireWorkspaceById } from "../../../_lib/workspace";

export const dynamic = "force-dynamic";

export const POST = route(endpoints.reviewFlag, ({ ctx, params, body }) => {
  const ws = requireWorkspaceById(ctx, workspaceOfFlagKey(ctx.db, { key: params.id }), "edit");
  const decision = body.decision === "confirm" ? "confirmed" as const : "dismissed" as const;
  const flag = reviewFlagByKey(ctx.db, { workspaceId: ws.id, key: params.id, decision, verdict: body.verdict ?? null, note: body.note, actorId: ctx.user.id });
  return { id: params.id, decision, verdict: decision === "confirmed" ? body.verdict ?? null : null, note: body.note, flag: flag && { id: flag.key, ...flag } };
});
