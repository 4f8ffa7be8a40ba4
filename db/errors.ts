/**
 * One error shape for the whole app: query functions throw these, server
 * actions turn them into form errors, the HTTP API into
 * `{ error: { code, message, field } }` with the matching status.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_type: 415,
  invalid: 422,
  rate_limited: 429,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly field?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  toJSON() {
    return { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) };
  }
}

export const notFound = (what: string, field?: string) => new AppError("not_found", `${what} was not found.`, field);
export const invalid = (message: string, field?: string) => new AppError("invalid", message, field);
export const conflict = (message: string, field?: string) => new AppError("conflict", message, field);

/** SQLite constraint failures that reach us despite validation become 409s, never 500s. */
export function fromSqliteError(error: unknown): AppError | null {
  const code = (error as { code?: string })?.code ?? "";
  if (code.startsWith("SQLITE_CONSTRAINT_UNIQUE") || code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
    return conflict("That already exists.");
  }
  if (code.startsWith("SQLITE_CONSTRAINT")) return invalid("That change breaks a rule of the data (a reference or a check).");
  return null;
}
