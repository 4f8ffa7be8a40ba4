import type { AnchorStatus, DatePrecision, Stance, StatementKind } from "@/lib/domain/enums";
import type { ReaderFlag } from "@/db/queries/reader";

/** What the reader needs of a statement; plain data passed from the server page. */
export type ReaderStatement = {
  id: number;
  start: number;
  end: number;
  quote: string;
  speakerId: number;
  speakerName: string;
  saidOn: string;
  saidOnPrecision: DatePrecision;
  kind: StatementKind;
  summary: string;
  note: string;
  notePrivate: boolean;
  anchorStatus: AnchorStatus;
  anchorScore: number;
  stances: { topicId: number; topicName: string; color: number; stance: Stance; condition: string }[];
  /** Flags it takes part in (not dismissed), with the other statement. */
  flags: ReaderFlag[];
};

export type TextSpan = { start: number; end: number; quote: string };
