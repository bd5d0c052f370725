// The print pipeline's public face: documents in, one self-contained HTML page out, for Electron's
// printToPDF/print (`preferCSSPageSize: true`) or the browser preview to print.
export {
  layoutOfficialDocument,
  renderOfficialDocument,
  type OfficialDocumentLayout,
} from './official-document';
export {
  officialDocumentSchema,
  parseOfficialDocument,
  type Attendance,
  type BlockType,
  type Distribution,
  type DocumentBlock,
  type DocumentKind,
  type OfficialDocument,
} from './document-model';
export { renderSignInSheet, signInSheetSchema, type SignInSheet } from './sign-in-sheet';
export { formatChineseDate } from './chinese-date';
export { PRINT_CSP } from './page-css';
