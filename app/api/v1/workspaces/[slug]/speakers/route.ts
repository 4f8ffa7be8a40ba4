import { requireWorkspace } from "@/app/_server/context";
import { conflict } from "@/db/errors";
import { createSpeaker, findSpeakerByName, listSpeakersByWorkspace } from "@/db/queries/speakers";
import { endpoints } from "@/lib/api/endpoints";
import { pageByOffset } from "@/lib/api/pagination";
import { cursorOf } from "../../../_lib/cursor";
import { route } from "../../../_lib/route";

export const dynamic = "force-dynamic";

export const GET = route(endpoints.listSpeakers, ({ ctx, params, query }) => {
  const ws = requireWorkspace(ctx, params.slug, "read");
  return pageByOffset(listSpeakersByWorkspace(ctx.db, { workspaceId: ws.id }), { limit: query.limit, cursor: cursorOf(query.cursor) });
});

export const POST = route(endpoints.createSpeaker, ({ ctx, params, body }) => {
  const ws = requireWorkspace(ctx, params.slug, "edit");
  const speaker = ctx.db.transaction((tx) => {
    for (const name of [body.name, ...body.aliases]) {
      const existing = findSpeakerByName(tx, { workspaceId: ws.id, name });
      if (existing) throw conflict(`"${name}" already names the speaker ${existing.name}.`, "name");
    }
    return createSpeaker(tx, { workspaceId: ws.id, ...body, actorId: ctx.user.id });
  });
  return { ...speaker, statementCount: 0 };
});
