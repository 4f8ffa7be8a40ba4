import { z } from "zod";
import { text } from "./common";

// Uploads for the import pages. Size is checked before the file is read, and
// the type by extension or declared type (browsers declare CSV differently:
// text/csv, application/vnd.ms-excel on Windows, sometimes nothing).

export const MAX_WORKSPACE_JSON_BYTES = 20 * 1024 * 1024;
export const MAX_STATEMENT_CSV_BYTES = 5 * 1024 * 1024;

const JSON_TYPES = ["application/json", "application/ld+json", "text/json", ""];
const CSV_TYPES = ["text/csv", "application/csv", "text/comma-separated-values", "application/vnd.ms-excel", "text/plain", ""];

function upload(what: string, maxBytes: number, extensions: string[], types: string[]) {
  const mb = Math.round(maxBytes / 1024 / 1024);
  return z.file(`Choose a ${what} file.`)
    .min(1, `The ${what} file is empty.`)
    .max(maxBytes, `The ${what} file is larger than ${mb} MB.`)
    .refine((f) => extensions.some((ext) => f.name.toLowerCase().endsWith(ext)) && types.includes(f.type.split(";")[0].trim().toLowerCase()),
      `Choose a ${what} file (${extensions.join(" or ")}).`);
}

export const workspaceJsonUploadInput = z.strictObject({
  file: upload("workspace.json", MAX_WORKSPACE_JSON_BYTES, [".json"], JSON_TYPES),
  name: text(120).optional(),
});

export const statementCsvUploadInput = z.strictObject({
  slug: z.string().min(1).max(100),
  file: upload("CSV", MAX_STATEMENT_CSV_BYTES, [".csv", ".txt"], CSV_TYPES),
  intent: z.enum(["plan", "import"]),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "Check the file first (dry run), then import it.").optional(),
}).refine((v) => v.intent === "plan" || v.sha256 !== undefined, { path: ["sha256"], message: "Check the file first (dry run), then import it." });

/** Reads an upload as UTF-8 text, refusing binary files (a NUL byte never occurs in CSV or JSON text). */
export async function uploadText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.includes(0)) throw new Error("binary");
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}
