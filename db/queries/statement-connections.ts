import type { DB } from "../index";
import { listLinksByStatement } from "./links";
import { listFlagsByStatement, type FlagView } from "./flags";

export type StatementLinkView = ReturnType<typeof listLinksByStatement>[number];

/** What a statement's card shows beside it: its links in both directions and the flags it takes part in. */
export function getStatementConnections(db: DB, { workspaceId, statementId }: { workspaceId: number; statementId: number }): { links: StatementLinkView[]; flags: FlagView[] } {
  return {
    links: listLinksByStatement(db, { workspaceId, id: statementId }),
    flags: listFlagsByStatement(db, { workspaceId, statementId }),
  };
}
