/** What the gutter needs of a flag. */
export interface FlagEnds {
  key: string;
  earlierId: number;
  laterId: number;
}

export interface PlacedFlag {
  key: string;
  /** Display positions (indexes into the rows as shown) of the upper and lower statement. */
  top: number;
  bottom: number;
  /** Gutter column, so brackets that overlap in time sit side by side. */
  column: number;
}

export type GutterPart = "start" | "mid" | "end";
export interface GutterCell {
  key: string;
  column: number;
  part: GutterPart;
}

/** Past this, more columns would crowd out the statements; extra flags still show on their rows. */
export const MAX_GUTTER_COLUMNS = 6;

/**
 * Places each flag whose two statements are both shown as a bracket from the
 * upper to the lower row. Columns are given greedily by top position (interval
 * colouring), which uses the fewest columns for nested and chained flags.
 * Flags are returned in reading order, the order "next flag" walks.
 */
export function placeFlags(displayIds: readonly number[], flags: readonly FlagEnds[]): PlacedFlag[] {
  const position = new Map<number, number>();
  displayIds.forEach((id, i) => position.set(id, i));
  const spans: Omit<PlacedFlag, "column">[] = [];
  for (const f of flags) {
    const a = position.get(f.earlierId);
    const b = position.get(f.laterId);
    if (a === undefined || b === undefined) continue;
    spans.push({ key: f.key, top: Math.min(a, b), bottom: Math.max(a, b) });
  }
  spans.sort((x, y) => x.top - y.top || x.bottom - y.bottom || (x.key < y.key ? -1 : 1));
  const columnEnds: number[] = [];
  return spans.map((s) => {
    let column = columnEnds.findIndex((end) => end < s.top);
    if (column === -1) column = columnEnds.length < MAX_GUTTER_COLUMNS ? columnEnds.length : -1;
    if (column >= 0) columnEnds[column] = s.bottom;
    return { ...s, column };
  });
}

/** Per displayed row, the bracket pieces to draw in its gutter. */
export function gutterCells(placed: readonly PlacedFlag[], rowCount: number): GutterCell[][] {
  const rows: GutterCell[][] = Array.from({ length: rowCount }, () => []);
  for (const p of placed) {
    if (p.column < 0) continue;
    for (let i = p.top; i <= p.bottom && i < rowCount; i++) {
      rows[i].push({ key: p.key, column: p.column, part: i === p.top ? "start" : i === p.bottom ? "end" : "mid" });
    }
  }
  return rows;
}

export function gutterWidth(placed: readonly PlacedFlag[]): number {
  return placed.reduce((max, p) => Math.max(max, p.column + 1), 0);
}

/** The next (or previous) flag from the current one, wrapping round; the first (or last) when none is current. */
export function stepFlag(current: number | null, count: number, direction: 1 | -1): number | null {
  if (count === 0) return null;
  if (current === null || current < 0 || current >= count) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}
