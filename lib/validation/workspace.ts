import { z } from "zod";
import { requiredText, text } from "./common";

export const createWorkspaceInput = z.strictObject({
  name: requiredText(120, "A name"),
  description: text(1000).optional().default(""),
});
export type CreateWorkspaceInput = z.output<typeof createWorkspaceInput>;

export const updateWorkspaceInput = z.strictObject({
  name: requiredText(120, "A name").optional(),
  description: text(1000).optional(),
});
