import { AppError } from "@/db/errors";
import { importWorkspaceDump } from "@/db/queries/workspace-dump";
import { endpoints } from "@/lib/api/endpoints";
import { route } from "../../_lib/route";
import * as workspaceRoute from "../[slug]/route";

export const dynamic = "force-dynamic";

/** Imports a workspace.json as a new workspace: the same importWorkspaceDump as the UI's import page. */
export const POST = route(endpoints.importWorkspace, ({ ctx, query, body }) => {
  try {
    return importWorkspaceDump(ctx.db, { actorId: ctx.user.id, dump: body, name: query.name, slug: query.slug });
  } catch (error) {
    // The import names the uploaded "file"; here the file is the request body.
    if (error instanceof AppError && error.field === "file") throw new AppError(error.code, error.message);
    throw error;
  }
});

// "import" is also a workspace slug like any other: its own reads and edits still reach it.
const asSlug = { params: Promise.resolve({ slug: "import" }) };
export const GET = (request: Request) => workspaceRoute.GET(request, asSlug);
export const PATCH = (request: Request) => workspaceRoute.PATCH(request, asSlug);
