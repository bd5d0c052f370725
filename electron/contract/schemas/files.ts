// Files the person picks (issue 10, point 6): in the desktop app a path reaches the main process only through a
// native dialog, and the renderer holds an opaque handle for it. Pure zod (the renderer imports this module).
import { z } from 'zod';

/** What a file is for: decides the dialog's title and filters (in main, not from the renderer). */
export const filePurposes = ['bundle', 'card', 'ledgerImport', 'ledgerExport', 'backup'] as const;
export type FilePurpose = (typeof filePurposes)[number];
const purpose = z.enum(filePurposes, { error: '不支持的文件用途' });

/** An opaque random handle of a path picked in a dialog this session. */
export const fileHandleSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: '所选文件已失效，请重新选择' });

export const pickOpenSchema = z.strictObject({ purpose });
export const pickSaveSchema = z.strictObject({ purpose, suggestedName: z.string().trim().min(1).max(200) });
export const pickFolderSchema = z.strictObject({ purpose });
/** Writes bytes the main process made (an xlsx, a card) to a file picked with files.pickSave. */
export const fileWriteSchema = z.strictObject({
  handle: fileHandleSchema,
  contentBase64: z.string().max(96 * 1024 * 1024),
});

export type PickResult = { handle: string; name: string } | { cancelled: true };
export interface FileWritten {
  saved: true;
  /** The file's name only: the full path stays in the main process. */
  name: string;
}
