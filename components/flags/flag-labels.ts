import type { FlagRule } from "@/lib/domain/enums";
import type { FlagStatus } from "@/lib/flags/engine";

export const FLAG_STATUS_LABELS: Record<FlagStatus, string> = {
  detected: "Detected",
  linked: "Linked",
  confirmed: "Confirmed",
  dismissed: "Dismissed",
};

export const FLAG_RULE_LABELS: Record<FlagRule, string> = {
  linked: "Linked flip",
  stance_shift: "Stance shift",
  dispute: "Dispute",
};
