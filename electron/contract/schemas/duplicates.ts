// Possible duplicates across offices (one ID number, two records) and their merge. Pure: zod only.
import { z } from 'zod';

const id = (label: string) => z.string({ error: `请选择${label}` }).min(1, `请选择${label}`).max(80);

export const childMergeArgs = z
  .object({
    /** The record that stays: its office's values are kept. */
    keepId: id('保留的档案'),
    /** The record merged into it: kept, readable, marked as merged. */
    mergeId: id('并入的档案'),
    note: z.string().trim().max(500, '情况说明不能超过500个字').default(''),
  })
  .strict();
export type ChildMergeArgs = z.input<typeof childMergeArgs>;

/** Another record holding the same ID number. */
export interface DuplicateRecordView {
  id: string;
  name: string;
  township: string;
  office: string;
  officeName: string;
}

/** One side of a merge already done. */
export interface MergeRef {
  id: string;
  name: string;
  officeName: string;
  date: string;
  note: string;
}

export interface ChildDuplicates {
  /** The office this record belongs to. */
  office: string;
  officeName: string;
  /** Other live records with this ID number (疑似重复); empty when none. */
  others: DuplicateRecordView[];
  /** This record was merged into another one. */
  mergedInto: MergeRef | null;
  /** Records merged into this one. */
  mergedFrom: MergeRef[];
}

export interface ChildMerged {
  id: string;
  mergedId: string;
  /** The office whose values were kept. */
  keptOffice: string;
  keptOfficeName: string;
  /** Labels of the fields blank in the kept record and filled from the merged one. */
  filled: string[];
  message: string;
}
