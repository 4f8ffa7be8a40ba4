import "server-only";
import { z } from "zod";
import { AppError, fromSqliteError, type ErrorCode } from "@/db/errors";
import { firstIssue } from "@/lib/validation/common";
import { getRequestContext, type RequestContext } from "./context";

export type ActionError = { code: ErrorCode; message: string; field?: string };
export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; message: string; data?: T }
  | { status: "error"; error: ActionError };

export const idleState: ActionState = { status: "idle" };

/** Forms send either plain fields or one JSON field named "payload" for structured input. */
export function formToObject(form: FormData): unknown {
  const payload = form.get("payload");
  if (typeof payload === "string") {
    try {
      return JSON.parse(payload);
    } catch {
      throw new AppError("bad_request", "The form sent malformed data.", "payload");
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue; // React's own bookkeeping fields
    if (typeof value === "string") out[key] = value;
  }
  return out;
}

/**
 * For actions that read a FormData themselves (file uploads). A server action
 * is a public endpoint: a crafted request can send any value instead of the
 * form, and `form.get` on it would throw (a 500). Such requests get this answer.
 */
export const malformedForm = { status: "error", error: { code: "bad_request", message: "The form sent malformed data." } } as const satisfies ActionState;

export const isFormData = (value: unknown): value is FormData => value instanceof FormData;

/** Maps anything thrown by a write into the one error shape; unknown failures are logged, never swallowed. */
export function toActionError(error: unknown): ActionError {
  if (error instanceof AppError) return error.toJSON();
  if (error instanceof z.ZodError) return { code: "invalid", ...firstIssue(error) };
  const sqlite = fromSqliteError(error);
  if (sqlite) return sqlite.toJSON();
  console.error("[claimline] action failed:", error);
  return { code: "internal", message: "Something went wrong on our side; nothing was saved." };
}

/**
 * The gate every server action goes through: parse with the feature's zod
 * schema (naming the field that is wrong), resolve who is asking, run the
 * work, and report success or failure in one shape. Works with
 * `useActionState` (FormData) and with direct calls (an object).
 */
export function validatedAction<S extends z.ZodType, T>(
  schema: S,
  fn: (input: z.output<S>, ctx: RequestContext) => Promise<{ message: string; data?: T }> | { message: string; data?: T },
) {
  return async (_prev: ActionState<T> | undefined, raw: FormData | z.input<S>): Promise<ActionState<T>> => {
    try {
      const parsed = schema.safeParse(raw instanceof FormData ? formToObject(raw) : raw);
      if (!parsed.success) return { status: "error", error: { code: "invalid", ...firstIssue(parsed.error) } };
      const result = await fn(parsed.data, getRequestContext());
      return { status: "ok", ...result };
    } catch (error) {
      // Next's redirect()/notFound() work by throwing; let them through.
      if (error && typeof error === "object" && "digest" in error && String((error as { digest: unknown }).digest).startsWith("NEXT_")) throw error;
      return { status: "error", error: toActionError(error) };
    }
  };
}
