// The ledger list's summaries as kept beside the store's tables (a store "sidecar"): what the first page of the list
// needs for every child, so a start does not read 50,000 records and compute their pinyin again. Written with each
// snapshot from the summaries the list index holds; read once at start, then the children changed since are
// summarised again from their records.
import type { DuplicateEntry } from './duplicate-index';
import type { ChildSummary, EligibilityInputs, LedgerSettings } from './child-summary';

export const LIST_SIDECAR = 'ledger-list';
/** Bumped whenever ChildSummary or the item below changes shape: an older sidecar is then derived again. */
export const LIST_SIDECAR_VERSION = 1;

export interface ListSidecarMeta {
  version: number;
  /** The day its ages and alerts were computed for. */
  day: string;
  settings: LedgerSettings;
}

export interface ListSidecarItem {
  s: ChildSummary;
  e: EligibilityInputs;
  /** The raw name, ID number and family names the search key was made from (to tell when it must be remade). */
  n: string;
  i: string;
  f: string;
  d: DuplicateEntry;
}

export function isListSidecarMeta(meta: unknown, settings: LedgerSettings): meta is ListSidecarMeta {
  if (typeof meta !== 'object' || meta === null) return false;
  const m = meta as Partial<ListSidecarMeta>;
  return (
    m.version === LIST_SIDECAR_VERSION &&
    typeof m.day === 'string' &&
    m.settings?.visitPeriodDays === settings.visitPeriodDays &&
    m.settings?.turning16Days === settings.turning16Days
  );
}
