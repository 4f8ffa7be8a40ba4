"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createLink, deleteLink, updateLink } from "@/db/queries/links";
import { dismissSuggestion, searchStatementsForLink, type LinkSearchResult } from "@/db/queries/suggestions";
import { DEFAULT_VERDICT_FOR_RELATION, LINK_RELATIONS, RELATION_LABELS, VERDICT_LABELS } from "@/lib/domain/enums";
import { id } from "@/lib/validation/common";
import { createLinkInput, updateLinkInput } from "@/lib/validation/link";
import { dismissSuggestionInput, linkSearchInput } from "@/lib/validation/flag";
import { requireWorkspace } from "@/app/_server/context";
import { validatedAction } from "@/app/_server/validated-action";

const slug = z.string().min(1).max(200);

/** Links and reviews change flags on every page of the workspace (overview counts, inbox, timeline). */
function refreshWorkspace(workspaceSlug: string) {
  revalidatePath(`/w/${workspaceSlug}`, "layout");
}

export const createLinkAction = validatedAction(createLinkInput.safeExtend({ slug }), ({ slug: wsSlug, ...input }, ctx) => {
  const ws = requireWorkspace(ctx, wsSlug, "edit");
  const link = createLink(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, input });
  refreshWorkspace(ws.slug);
  return { message: `Linked: ${RELATION_LABELS[link.relation].toLowerCase()}.`, data: { id: link.id } };
});

export const updateLinkAction = validatedAction(z.strictObject({ slug, id, input: updateLinkInput }), ({ slug: wsSlug, id: linkId, input }, ctx) => {
  const ws = requireWorkspace(ctx, wsSlug, "edit");
  const link = updateLink(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id: linkId, input });
  refreshWorkspace(ws.slug);
  return { message: `Link updated: ${RELATION_LABELS[link.relation].toLowerCase()}${link.verdict ? `, ${VERDICT_LABELS[link.verdict].toLowerCase()}` : ""}.` };
});

export const deleteLinkAction = validatedAction(z.strictObject({ slug, id }), (input, ctx) => {
  const ws = requireWorkspace(ctx, input.slug, "edit");
  deleteLink(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, id: input.id });
  refreshWorkspace(ws.slug);
  return { message: "Link removed." };
});

/** One click on a suggestion: a link with the relation's default verdict. */
export const acceptSuggestionAction = validatedAction(
  z.strictObject({ slug, statementId: id, candidateId: id, relation: z.enum(LINK_RELATIONS, "Choose how the statements relate.") })
    .refine((v) => v.statementId !== v.candidateId, { path: ["candidateId"], message: "A statement cannot be linked to itself." }),
  (input, ctx) => {
    const ws = requireWorkspace(ctx, input.slug, "edit");
    const link = createLink(ctx.db, {
      workspaceId: ws.id, actorId: ctx.user.id,
      input: { fromId: input.statementId, toId: input.candidateId, relation: input.relation, verdict: DEFAULT_VERDICT_FOR_RELATION[input.relation], rationale: "" },
    });
    refreshWorkspace(ws.slug);
    return { message: `Linked: ${RELATION_LABELS[link.relation].toLowerCase()}.`, data: { id: link.id } };
  },
);

export const dismissSuggestionAction = validatedAction(dismissSuggestionInput.safeExtend({ slug }), ({ slug: wsSlug, ...input }, ctx) => {
  const ws = requireWorkspace(ctx, wsSlug, "edit");
  dismissSuggestion(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, ...input });
  refreshWorkspace(ws.slug);
  return { message: "Suggestion dismissed; it will not be suggested again." };
});

/** A read, but called from the link dialog as the user types; it changes nothing. */
export const searchLinkTargetsAction = validatedAction(
  linkSearchInput.safeExtend({ slug }),
  ({ slug: wsSlug, ...input }, ctx): { message: string; data: LinkSearchResult[] } => {
    const ws = requireWorkspace(ctx, wsSlug, "read");
    const results = searchStatementsForLink(ctx.db, { workspaceId: ws.id, ...input });
    return { message: `${results.length} statements found.`, data: results };
  },
);
