import { createWorkspace, listWorkspaces } from "@/db/queries/workspaces";
import { endpoints } from "@/lib/api/endpoints";
import { pageByOffset } from "@/lib/api/pagination";
import { cursorOf } from "../_lib/cursor";
import { route } from "../_lib/route";

export const dynamic = "force-dynamic";

export const GET = route(endpoints.listWorkspaces, ({ ctx, query }) =>
  pageByOffset(listWorkspaces(ctx.db), { limit: query.limit, cursor: cursorOf(query.cursor) }));

export const POST = route(endpoints.createWorkspace, ({ ctx, body }) => createWorkspace(ctx.db, { ...body, actorId: ctx.user.id }));
