"use server";

import { AppError } from "@/db/errors";
import { importStatementCsv, planStatementCsvImport, type StatementCsvPlan } from "@/db/queries/statement-csv-import";
import { statementCsvUploadInput, uploadText } from "@/lib/validation/export-import";
import { validatedAction, type ActionState } from "@/app/_server/validated-action";
import { requireWorkspace } from "@/app/_server/context";

/** What the page shows of a plan: every error, and a preview of the rows that will be imported. */
export type CsvPlanView = Omit<StatementCsvPlan, "valid"> & {
  validCount: number;
  preview: { line: number; speaker: string; saidOn: string; quote: string; articleTitle: string; topics: string[] }[];
};
export type CsvImportResult = { plan?: CsvPlanView; imported?: number };

const PREVIEW_ROWS = 100;

function view(plan: StatementCsvPlan): CsvPlanView {
  const { valid, ...rest } = plan;
  return {
    ...rest,
    validCount: valid.length,
    preview: valid.slice(0, PREVIEW_ROWS).map(({ line, speaker, saidOn, quote, articleTitle, topics }) => ({ line, speaker, saidOn, quote, articleTitle, topics })),
  };
}

const csvImport = validatedAction(statementCsvUploadInput, async (input, ctx): Promise<{ message: string; data: CsvImportResult }> => {
  const ws = requireWorkspace(ctx, input.slug, "edit");
  const csv = await uploadText(input.file).catch(() => {
    throw new AppError("unsupported_type", "That file is not text; choose a CSV file.", "file");
  });
  if (input.intent === "plan") {
    const plan = planStatementCsvImport(ctx.db, { workspaceId: ws.id, csv });
    return {
      message: `${plan.valid.length} of ${plan.rows} rows can be imported${plan.errors.length ? `; ${plan.errors.length} have errors` : ""}. Nothing has been saved yet.`,
      data: { plan: view(plan) },
    };
  }
  const result = importStatementCsv(ctx.db, { workspaceId: ws.id, actorId: ctx.user.id, csv, sha256: input.sha256! });
  return {
    message: `Imported ${result.created} statement${result.created === 1 ? "" : "s"}${result.skipped ? `; skipped ${result.skipped} row${result.skipped === 1 ? "" : "s"} with errors` : ""}.`,
    data: { imported: result.created },
  };
});

/** The form sends the File itself; validatedAction's form reader keeps only strings, so hand it an object. */
export async function statementCsvAction(prev: ActionState<CsvImportResult> | undefined, form: FormData): Promise<ActionState<CsvImportResult>> {
  return csvImport(prev, {
    slug: String(form.get("slug") ?? ""),
    file: form.get("file") as File,
    intent: form.get("intent") === "import" ? "import" : "plan",
    sha256: (form.get("sha256") as string | null) || undefined,
  });
}
