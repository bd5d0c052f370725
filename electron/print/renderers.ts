// Which printable documents exist. Each feature adds its kind here (minutes, bulletin, sign-in sheet, record sheet):
// a function from the app context and the document's id to one self-contained HTML page. The desktop app prints or
// saves that page as PDF through Electron; the browser preview prints the same page with the browser.
import type { AppContext } from '../app/context';
import { renderBulletinPrint } from './bulletin-print';
import { printStatsSummary } from './stats-summary-kind';
import { renderUrgePrint } from './urge-print';
import { renderMinutesPrint, renderSignInSheetPrint } from '../domain/meetings/print-kinds';

export interface PrintArgs {
  kind: string;
  id?: string | undefined;
  options?: Record<string, unknown> | undefined;
}

export interface PrintedDocument {
  /** Title for the window and the suggested PDF file name. */
  title: string;
  html: string;
}

export type PrintRenderer = (ctx: AppContext, args: PrintArgs) => Promise<PrintedDocument>;

// A Map, not an object literal: the kind comes from the renderer, and `{ kind: 'constructor' }` must find nothing
// rather than Object itself (a probe got the app's whole state back that way).
export const printRenderers: ReadonlyMap<string, PrintRenderer> = new Map<string, PrintRenderer>([
  // ── print kinds: one line per feature, e.g. `['minutes', renderMinutesPrint],` ──
  ['statsSummary', printStatsSummary],
  ['bulletin', renderBulletinPrint],
  ['minutes', renderMinutesPrint],
  ['signInSheet', renderSignInSheetPrint],
  ['urgeNotice', renderUrgePrint],
]);
