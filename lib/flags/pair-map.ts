/**
 * Values keyed by an unordered pair of statement ids. The engine looks up tens
 * of thousands of pairs per computation; a "12:34" string per lookup made
 * building and hashing keys a large share of its time.
 */
export class PairMap<V> {
  private readonly byLow = new Map<number, Map<number, V>>();

  get(a: number, b: number): V | undefined {
    return a < b ? this.byLow.get(a)?.get(b) : this.byLow.get(b)?.get(a);
  }

  set(a: number, b: number, value: V): void {
    const [low, high] = a < b ? [a, b] : [b, a];
    let row = this.byLow.get(low);
    if (!row) this.byLow.set(low, (row = new Map()));
    row.set(high, value);
  }

  /** Every value, grouped by the pair's lower id in insertion order. */
  values(): V[] {
    const out: V[] = [];
    for (const row of this.byLow.values()) for (const value of row.values()) out.push(value);
    return out;
  }
}
