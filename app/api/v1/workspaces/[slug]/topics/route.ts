import { requireWorkspace } from "@/app/_server/context";
import { conflict } from "@/db/errors";
import { createTopic, findTopicByName, listTopicsByWorkspace } from "@/db/queries/topics";
import { endpoints } from "@/lib/api/endpoints";
import { pageByOffset } from "@/lib/api/pagination";
import { cursorOf } from "../../../_lib/cursor";
import { route } from "../../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = route(endpoints.listTopics, ({ ctx, params, query }) => {
  const ws = requireWorkspace(ctx, params.slug, "read");
  return pageByOffset(listTopicsByWorkspace(ctx.db, { workspaceId: ws.id }), { limit: query.limit, cursor: cursorOf(query.cursor) });
});

export const POST = route(endpoints.createTopic, ({ ctx, params, body }) => {
  const ws = requireWorkspace(ctx, params.slug, "edit");
  const topic = ctx.db.transaction((tx) => {
    if (findTopicByName(tx, { workspaceId: ws.id, name: body.name })) throw conflict(`The topic "${body.name}" already exists.`, "name");
    return createTopic(tx, { workspaceId: ws.id, ...body, actorId: ctx.user.id });
  });
  return { ...topic, statementCount: 0 };
});
