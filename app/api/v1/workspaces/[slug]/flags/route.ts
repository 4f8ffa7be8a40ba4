import { requireWorkspace } from "@/app/_server/context";
import { listFlagsByWorkspace } from "@/db/queries/flags";
import { endpoints } from "@/lib/api/endpoints";
import { pageByOffset } from "@/lib/api/pagination";
import { cursorOf } from "../../../_lib/cursor";
import { flagBody } from "../../../_lib/flags";
import { route } from "../../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = route(endpoints.listFlags, ({ ctx, params, query }) => {
  const ws = requireWorkspace(ctx, params.slug, "read");
  const { status, tab } = query;
  const flags = listFlagsByWorkspace(ctx.db, {
    workspaceId: ws.id, speakerId: query.speaker, topicId: query.topic, rule: query.kind, tab, status: status === "open" ? undefined : status,
  }).filter((f) => status !== "open" || f.status !== "dismissed");
  return pageByOffset(flags.map(flagBody), { limit: query.limit, cursor: cursorOf(query.cursor) });
});
