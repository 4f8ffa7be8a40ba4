import { FLAG_RULES, type FlagRule } from "./enums";

/**
 * A flag's identity is its rule and the pair of statements (earlier first),
 * plus the topic for detected stance shifts. Recomputing flags therefore gives
 * the same keys, so a person's review (stored by key) stays attached; the key
 * names statement ids, so a workspace import must rewrite it with new ids.
 *   linked:12:34   dispute:12:34   stance_shift:12:34:5
 */
export interface FlagKeyParts {
  rule: FlagRule;
  earlierId: number;
  laterId: number;
  topicId?: number;
}

export function formatFlagKey({ rule, earlierId, laterId, topicId }: FlagKeyParts): string {
  const base = `${rule}:${earlierId}:${laterId}`;
  return rule === "stance_shift" ? `${base}:${topicId ?? 0}` : base;
}

export function parseFlagKey(key: string): FlagKeyParts | null {
  const parts = key.split(":");
  const rule = parts[0] as FlagRule;
  if (!FLAG_RULES.includes(rule)) return null;
  const nums = parts.slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
  if (nums.some(Number.isNaN)) return null;
  if (rule === "stance_shift" ? nums.length !== 3 : nums.length !== 2) return null;
  return { rule, earlierId: nums[0], laterId: nums[1], ...(rule === "stance_shift" ? { topicId: nums[2] } : {}) };
}

/** Rewrite a key's ids through maps (used when importing a workspace). */
export function remapFlagKey(key: string, statementIds: Map<number, number>, topicIds: Map<number, number>): string | null {
  const parts = parseFlagKey(key);
  if (!parts) return null;
  const earlierId = statementIds.get(parts.earlierId);
  const laterId = statementIds.get(parts.laterId);
  if (earlierId === undefined || laterId === undefined) return null;
  const topicId = parts.topicId === undefined ? undefined : topicIds.get(parts.topicId);
  if (parts.rule === "stance_shift" && topicId === undefined) return null;
  return formatFlagKey({ ...parts, earlierId, laterId, topicId });
}
