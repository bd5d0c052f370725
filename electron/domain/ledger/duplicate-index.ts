// Possible duplicates: one ID number held by two or more live records (usually a county each, seen together at the
// city). Kept per record and updated per edit, so the list's marker, the record page's panel and the home page's
// count cost nothing at 50,000 children; a record merged into another no longer counts.

export interface DuplicateEntry {
  id: string;
  /** Normalised ID number ('' when the record has none: never a duplicate). */
  number: string;
  /** Office code the record belongs to. */
  office: string;
  name: string;
  township: string;
  /** Merged into another record: readable, but no longer a duplicate. */
  merged: boolean;
}

export class DuplicateIndex {
  private readonly entryOf = new Map<string, DuplicateEntry>();
  private readonly byNumber = new Map<string, Map<string, DuplicateEntry>>();
  /** Numbers held by two or more live records. */
  private readonly flagged = new Set<string>();
  /** Numbers whose group may have changed since takeChanged(), once someone watches (null: nobody does). */
  private changed: Set<string> | null = null;

  /** Puts one record's current entry (null: the record is gone). */
  put(id: string, entry: DuplicateEntry | null): void {
    const before = this.entryOf.get(id);
    if (before) {
      const holders = this.byNumber.get(before.number);
      holders?.delete(id);
      if (holders && holders.size === 0) this.byNumber.delete(before.number);
      this.judge(before.number);
      this.entryOf.delete(id);
    }
    if (!entry || entry.number === '') return;
    this.entryOf.set(id, entry);
    let holders = this.byNumber.get(entry.number);
    if (!holders) this.byNumber.set(entry.number, (holders = new Map()));
    holders.set(id, entry);
    this.judge(entry.number);
  }

  private judge(number: string): void {
    this.changed?.add(number);
    const holders = this.byNumber.get(number);
    let live = 0;
    if (holders) for (const e of holders.values()) if (!e.merged) live += 1;
    if (live >= 2) this.flagged.add(number);
    else this.flagged.delete(number);
  }

  /** Is this live record one of a group? */
  isDuplicate(id: string): boolean {
    const e = this.entryOf.get(id);
    return !!e && !e.merged && this.flagged.has(e.number);
  }

  /** The other live records with this record's ID number. */
  othersOf(id: string): DuplicateEntry[] {
    const e = this.entryOf.get(id);
    if (!e) return [];
    return [...(this.byNumber.get(e.number)?.values() ?? [])].filter((o) => o.id !== id && !o.merged);
  }

  /** Every group of two or more live records, each group's live records. */
  groups(): Array<{ number: string; records: DuplicateEntry[] }> {
    return [...this.flagged].map((number) => ({
      number,
      records: [...this.byNumber.get(number)!.values()].filter((e) => !e.merged),
    }));
  }

  /** The live records of one group, or null when the number is not held by two or more of them. */
  group(number: string): DuplicateEntry[] | null {
    if (!this.flagged.has(number)) return null;
    return [...this.byNumber.get(number)!.values()].filter((e) => !e.merged);
  }

  /** The numbers whose group may have changed since the last call (the first call starts watching: all of them). */
  takeChanged(): ReadonlySet<string> | 'all' {
    if (!this.changed) {
      this.changed = new Set();
      return 'all';
    }
    const out = this.changed;
    this.changed = new Set();
    return out;
  }

  get groupCount(): number {
    return this.flagged.size;
  }
}
