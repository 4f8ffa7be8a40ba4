import { STANCE_LABELS, VERDICT_LABELS, type Stance, type StatementKind, type Verdict } from "@/lib/domain/enums";

// Meaning is never carried by colour alone: each badge has a glyph and a word.
const STANCE_GLYPH: Record<Stance, string> = { supports: "✓", opposes: "✕", conditional: "◇", neutral: "○" };
const VERDICT_GLYPH: Record<Verdict | "dispute", string> = { no_flip: "=", half_flip: "↷", full_flop: "⇄", dispute: "⚑" };

const base = "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap";

export function StanceBadge({ stance, topic, condition }: { stance: Stance; topic?: string; condition?: string }) {
  const color = `var(--stance-${stance})`;
  return (
    <span className={base} style={{ color, borderColor: color }} title={condition ? `Condition: ${condition}` : undefined}>
      <span aria-hidden="true">{STANCE_GLYPH[stance]}</span>
      {topic ? <span className="text-ink">{topic}:</span> : null}
      <span>{STANCE_LABELS[stance]}</span>
    </span>
  );
}

export function VerdictBadge({ verdict }: { verdict: Verdict | "dispute" }) {
  const color = `var(--verdict-${verdict})`;
  return (
    <span className={`${base} font-semibold`} style={{ color, borderColor: color }}>
      <span aria-hidden="true">{VERDICT_GLYPH[verdict]}</span>
      {verdict === "dispute" ? "Dispute" : VERDICT_LABELS[verdict]}
    </span>
  );
}

export function KindBadge({ kind }: { kind: StatementKind }) {
  return <span className={`${base} border-line text-muted capitalize`}>{kind}</span>;
}
