"use server";

import { redirect } from "next/navigation";
import { AppError } from "@/db/errors";
import { countSnapshotsByUrl, prepareImport, prepareUrlImport, saveImportDraft, toImportAppError } from "@/db/queries/article-import";
import { decodeBody } from "@/lib/import/charset";
import { previewParagraphs, type DraftMeta, type ImportDraft } from "@/lib/import/draft";
import { ImportError } from "@/lib/import/errors";
import { detectBinary } from "@/lib/import/normalize";
import { isUploadedFile, previewImportInput, saveImportInput, type UploadedFile } from "@/lib/validation/article";
import { requireWorkspace } from "@/app/_server/context";
import { dropImportDraft, getImportDraft, putImportDraft } from "@/app/_server/import-drafts";
import { validatedAction, type ActionState } from "@/app/_server/validated-action";

/** What the form shows between "Extract" and "Save snapshot". */
export interface ImportPreview {
  draft: string;
  source: ImportDraft["source"];
  meta: DraftMeta;
  opening: string[];
  characters: number;
  paragraphs: number;
  usedFallback: boolean;
  hasHtml: boolean;
  earlierSnapshots: number;
}

/** Upload → text, refusing binaries before any parsing. Errors name the "file" field. */
async function readUpload(file: UploadedFile): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (detectBinary(bytes)) throw toImportAppError(new ImportError("binary"), "file");
  return decodeBody(bytes, file.type || "text/html").text;
}

function fileFieldError(err: unknown): unknown {
  return err instanceof AppError && err.field === "html" ? new AppError(err.code, err.message, "file") : err;
}

const preview = validatedAction(previewImportInput, async (input, ctx): Promise<{ message: string; data: ImportPreview }> => {
  const ws = requireWorkspace(ctx, input.slug, "edit");
  let draft: ImportDraft;
  if (input.mode === "text") {
    draft = prepareImport({ kind: "text", text: input.text });
  } else if (input.mode === "html") {
    if (input.file) {
      const html = await readUpload(input.file);
      try {
        draft = prepareImport({ kind: "html", html, url: input.pageUrl || null });
      } catch (err) {
        throw fileFieldError(err);
      }
    } else {
      draft = prepareImport({ kind: "html", html: input.html ?? "", url: input.pageUrl || null });
    }
  } else {
    draft = await prepareUrlImport(input.url, { allowPrivate: process.env.IMPORT_ALLOW_PRIVATE_HOSTS === "1" });
  }
  const url = draft.meta.url;
  return {
    message: "Preview ready. Check the details, then save the snapshot.",
    data: {
      draft: putImportDraft(ws.id, draft),
      source: draft.source,
      meta: draft.meta,
      opening: previewParagraphs(draft.text),
      characters: draft.text.length,
      paragraphs: draft.text.split("\n\n").length,
      usedFallback: draft.usedFallback,
      hasHtml: Boolean(draft.html),
      earlierSnapshots: url ? countSnapshotsByUrl(ctx.db, { workspaceId: ws.id, url }) : 0,
    },
  };
});

/** FormData → the schema's shape: only the fields of the chosen mode, and the file only when one was chosen. */
function previewFields(form: FormData): Record<string, unknown> {
  const mode = form.get("mode");
  const fields: Record<string, string[]> = { text: ["text"], html: ["html", "pageUrl"], url: ["url"] };
  const out: Record<string, unknown> = { slug: form.get("slug"), mode };
  for (const name of fields[String(mode)] ?? []) {
    const value = form.get(name);
    if (typeof value === "string") out[name] = value;
  }
  const file = form.get("file");
  if (mode === "html" && isUploadedFile(file) && (file.size > 0 || file.name !== "")) out.file = file;
  return out;
}

export async function previewImportAction(prev: ActionState<ImportPreview> | undefined, form: FormData): Promise<ActionState<ImportPreview>> {
  return preview(prev, previewFields(form) as Parameters<typeof preview>[1]);
}

export const saveImportAction = validatedAction(saveImportInput, (input, ctx) => {
  const ws = requireWorkspace(ctx, input.slug, "edit");
  const draft = getImportDraft(ws.id, input.draft);
  if (!draft) throw new AppError("invalid", "This preview is no longer available (it expired or was already saved). Extract or fetch the article again.", "draft");
  const article = saveImportDraft(ctx.db, {
    workspaceId: ws.id, actorId: ctx.user.id, draft,
    meta: {
      title: input.title, publisher: input.publisher || null, author: input.author || null,
      publishedAt: input.publishedAt || null, language: input.language || null, url: input.url || null,
    },
  });
  dropImportDraft(input.draft);
  redirect(`/w/${ws.slug}/articles/${article.id}`);
});
