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

/** The records holding one number: the entry itself when only one does (nearly every number), else an array. */
type Holders = DuplicateEntry | DuplicateEntry[];

const listOf = (h: Holders | undefined): readonly DuplicateEntry[] => (h === undefined ? [] : Array.isArray(h) ? h : [h]);

export class DuplicateIndex {
  private readonly entryOf = new Map<string, DuplicateEntry>();
  /** Number → its holders, in the order they were put. No collection per number held once: at 200,000 children a
   *  Map each was a start's largest share of live objects (issue 13). */
  private readonly byNumber = new Map<string, Holders>();
  /** Numbers held by two or more live records. */
  private readonly flagged = new Set<string>();
  /** Numbers whose group may have changed since takeChanged(), once someone watches (null: nobody does). */
  private changed: Set<string> | null = null;

  /** Puts one record's current entry (null: the record is gone). */
  put(id: string, entry: DuplicateEntry | null): void {
    const before = this.entryOf.get(id);
    if (before) {
      this.remove(id, before.number);
      this.judge(before.number);
      this.entryOf.delete(id);
    }
    if (!entry || entry.number === '') return;
    this.entryOf.set(id, entry);
    const holders = this.byNumber.get(entry.number);
    if (holders === undefined) this.byNumber.set(entry.number, entry);
    else if (Array.isArray(holders)) holders.push(entry);
    else this.byNumber.set(entry.number, [holders, entry]);
    this.judge(entry.number);
  }

  /**
   * Puts many entries at once (a start from the stored summaries): the same as putting each, but a number met for the
   * first time (nearly all of 200,000) is filed without being judged: one holder is never a group.
   */
  load(entries: Iterable<DuplicateEntry>): void {
    for (const entry of entries) {
      if (entry.number === '' || this.entryOf.has(entry.id)) {
        this.put(entry.id, entry);
        continue;
      }
      this.entryOf.set(entry.id, entry);
      const holders = this.byNumber.get(entry.number);
      if (holders === undefined) {
        this.byNumber.set(entry.number, entry);
        this.changed?.add(entry.number);
        continue;
      }
      if (Array.isArray(holders)) holders.push(entry);
      else this.byNumber.set(entry.number, [holders, entry]);
      this.judge(entry.number);
    }
  }

  private remove(id: string, number: string): void {
    const holders = this.byNumber.get(number);
    if (holders === undefined) return;
    if (!Array.isArray(holders)) {
      if (holders.id === id) this.byNumber.delete(number);
      return;
    }
    const rest = holders.filter((e) => e.id !== id);
    if (rest.length === 0) this.byNumber.delete(number);
    else this.byNumber.set(number, rest.length === 1 ? rest[0]! : rest);
  }

  private judge(number: string): void {
    this.changed?.add(number);
    const holders = this.byNumber.get(number);
    let live = 0;
    if (Array.isArray(holders)) for (const e of holders) if (!e.merged) live += 1;
    if (live >= 2) this.flagged.add(number);
    else this.flagged.delete(number);
  }

  private liveHolders(number: string): DuplicateEntry[] {
    return listOf(this.byNumber.get(number)).filter((e) => !e.merged);
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
    return listOf(this.byNumber.get(e.number)).filter((o) => o.id !== id && !o.merged);
  }

  /** Every group of two or more live records, each group's live records. */
  groups(): Array<{ number: string; records: DuplicateEntry[] }> {
    return [...this.flagged].map((number) => ({ number, records: this.liveHolders(number) }));
  }

  /** The live records of one group, or null when the number is not held by two or more of them. */
  group(number: string): DuplicateEntry[] | null {
    if (!this.flagged.has(number)) return null;
    return this.liveHolders(number);
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
