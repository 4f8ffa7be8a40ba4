"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createStatement, deleteStatement, updateStatement, countLinksOfStatement, getStatementById } from "@/db/queries/statements";
import { listAuditEventsByEntity } from "@/db/queries/audit";
import { restoreDeletedStatement } from "@/db/queries/statement-restore";
import { carryStatementsToSnapshot } from "@/db/queries/reanchor";
import { createStatementInput, updateStatementInput } from "@/lib/validation/statement";
import { id } from "@/lib/validation/common";
import { validatedAction } from "@/app/_server/validated-action";
import { requireWorkspace } from "@/app/_server/context";

const slug = z.string().min(1).max(100);

export const createStatementAction = validatedAction(
  z.strictObject({ slug, input: createStatementInput }),
  ({ slug, input }, ctx) => {
    const ws = requireWorkspace(ctx, slug, "edit");
    const statement = createStatement(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, input });
    revalidatePath(`/w/${slug}`, "layout");
    return { message: `Statement by ${statement.speakerName} saved.`, data: { id: statement.id } };
  },
);

export const updateStatementAction = validatedAction(
  z.strictObject({ slug, id, input: updateStatementInput }),
  ({ slug, id, input }, ctx) => {
    const ws = requireWorkspace(ctx, slug, "edit");
    const statement = updateStatement(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id, input });
    revalidatePath(`/w/${slug}`, "layout");
    return { message: `Statement by ${statement.speakerName} updated.`, data: { id: statement.id } };
  },
);

export const deleteStatementAction = validatedAction(
  z.strictObject({ slug, id }),
  ({ slug, id }, ctx) => {
    const ws = requireWorkspace(ctx, slug, "edit");
    const { linksRemoved } = deleteStatement(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id });
    revalidatePath(`/w/${slug}`, "layout");
    return { message: linksRemoved ? `Statement deleted with ${linksRemoved} link${linksRemoved === 1 ? "" : "s"}.` : "Statement deleted.", data: { id } };
  },
);

/** The toast's "Undo" after a deletion: the statement, its stances and its links come back. */
export const restoreStatementAction = validatedAction(
  z.strictObject({ slug, id }),
  ({ slug, id }, ctx) => {
    const ws = requireWorkspace(ctx, slug, "edit");
    const { speakerName, linksRestored, linksSkipped } = restoreDeletedStatement(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id });
    revalidatePath(`/w/${slug}`, "layout");
    const withLinks = linksRestored ? ` with ${linksRestored} link${linksRestored === 1 ? "" : "s"}` : "";
    const skipped = linksSkipped ? ` ${linksSkipped} link${linksSkipped === 1 ? "" : "s"} could not come back: the other statement is gone or linked again.` : "";
    return { message: `Statement by ${speakerName} restored${withLinks}.${skipped}`, data: { id } };
  },
);

/** What deleting would take with it, so the confirmation can say so. */
export const statementDeletionImpactAction = validatedAction(
  z.strictObject({ slug, id }),
  ({ slug, id }, ctx) => {
    const ws = requireWorkspace(ctx, slug, "read");
    getStatementById(ctx.db, { workspaceId: ws.id, id });
    return { message: "ok", data: { links: countLinksOfStatement(ctx.db, { id }) } };
  },
);

export const statementHistoryAction = validatedAction(
  z.strictObject({ slug, id }),
  ({ slug, id }, ctx) => {
    const ws = requireWorkspace(ctx, slug, "read");
    const events = listAuditEventsByEntity(ctx.db, { workspaceId: ws.id, entityType: "statement", entityId: id });
    return { message: "ok", data: events.map((e) => ({ id: e.id, action: e.action, createdAt: e.createdAt, before: e.before, after: e.after })) };
  },
);

export const carryOverStatementsAction = validatedAction(
  z.strictObject({ slug, articleId: id }),
  ({ slug, articleId }, ctx) => {
    const ws = requireWorkspace(ctx, slug, "edit");
    const r = carryStatementsToSnapshot(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, articleId });
    revalidatePath(`/w/${slug}`, "layout");
    return { message: `${r.total} statement${r.total === 1 ? "" : "s"} carried over: ${r.exact + r.moved} found exactly, ${r.fuzzy} approximately, ${r.orphaned} not found.` };
  },
);
