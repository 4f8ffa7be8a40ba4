import { requireWorkspace } from "@/app/_server/context";
import { listWorkspaceFlags } from "@/db/queries/flags-interim";
import { endpoints } from "@/lib/api/endpoints";
import { pageByOffset } from "@/lib/api/pagination";
import { cursorOf } from "../../../_lib/cursor";
import { route } from "../../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = route(endpoints.listFlags, ({ ctx, params, query }) => {
  const ws = requireWorkspace(ctx, params.slug, "read");
  const flags = listWorkspaceFlags(ctx.db, { workspaceId: ws.id, speakerId: query.speaker, topicId: query.topic, rule: query.kind, status: query.status });
  return pageByOffset(flags.map((f) => ({ id: f.key, ...f })), { limit: query.limit, cursor: cursorOf(query.cursor) });
});
