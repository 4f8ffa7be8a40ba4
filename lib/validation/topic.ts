import { z } from "zod";
import { id, requiredText, text } from "./common";
import { mergeFields, refineDistinct } from "./speaker";

export const renameTopicFields = { id, name: requiredText(200, "A name") };
export const renameTopicInput = z.strictObject(renameTopicFields);
export type RenameTopicInput = z.output<typeof renameTopicInput>;

export const updateTopicFields = { id, proposition: text(300).optional(), description: text(1000).optional() };
export const updateTopicInput = z.strictObject(updateTopicFields);
export type UpdateTopicInput = z.output<typeof updateTopicInput>;

export { mergeFields } from "./speaker";
export const mergeTopicsInput = z.strictObject(mergeFields).superRefine(refineDistinct);
