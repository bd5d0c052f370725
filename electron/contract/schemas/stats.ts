// Ledger statistics (统计): the period asked for and the figures returned. Pure: zod only.
import { z } from 'zod';
import { isIsoDate } from '../../domain/ledger/dates';

const day = (label: string) =>
  z.string({ error: `请填写${label}` }).refine(isIsoDate, { error: `请填写${label}` });

export const statsSummarySchema = z
  .object({
    period: z
      .object({ from: day('统计起始日期'), to: day('统计截止日期') })
      .refine((p) => p.from <= p.to, { error: '起始日期不能晚于截止日期', path: ['from'] }),
    /** One township: its rows become villages. */
    township: z.string().trim().max(50).optional(),
  })
  .strict();
export type StatsSummaryArgs = z.input<typeof statsSummarySchema>;

export type AgeBandKey = '0-5' | '6-13' | '14-15' | '16+';

export const ageBandLabels: Record<AgeBandKey, string> = {
  '0-5': '0–5岁',
  '6-13': '6–13岁',
  '14-15': '14–15岁',
  '16+': '16岁及以上',
};

/** Counts in one row: children in the ledger at the period's end, by category; and the period's movements. */
export interface StatsRow {
  /** Township (or village, when one township was chosen). */
  name: string;
  total: number;
  guardianKind: Record<string, number>;
  schooling: Record<string, number>;
  riskLevel: Record<string, number>;
  ageBand: Record<AgeBandKey, number>;
  entries: number;
  exits: number;
  visits: number;
}

export interface StatsColumn {
  code: string;
  label: string;
}

export interface StatsSummary {
  period: { from: string; to: string };
  township: string | null;
  /** What the rows are: 乡镇（街道） or 村（居）. */
  rowLabel: string;
  /** Of the children in the ledger at the period's end, those whose record is 待完善. */
  incomplete: number;
  rows: StatsRow[];
  totals: StatsRow;
  columns: {
    guardianKind: StatsColumn[];
    schooling: StatsColumn[];
    riskLevel: StatsColumn[];
    ageBand: StatsColumn[];
  };
  exitsByReason: Array<StatsColumn & { count: number }>;
  /** Children visited at least once in the period. */
  visitedChildren: number;
  /** Mandatory reports received in the period. */
  reports: number;
  /** Every township in the ledger, for the selector. */
  townships: string[];
}

/** The code used in riskLevel / guardianKind / schooling counts for a record with no value. */
export const NOT_SET = '';
