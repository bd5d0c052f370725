// No character altered, ever: a cell whose text holds U+FFFD (the replacement character, shown as �) is never
// stored. The readers decode on whole characters, so they do not make one; a U+FFFD still arrives when the file's
// bytes fit no encoding (a CSV in neither UTF-8 nor GB 18030), when the program that saved the file had already
// damaged the text, or should a reader ever regress. In every case a damaged name stored quietly is worse than a
// row refused by row and column, which the clerk can correct in the sheet.
import { childFieldLabels, type ChildFieldPath } from '../../contract/schemas/child';

export const hasUnreadable = (text: string): boolean => text.includes('\uFFFD');

export function unreadableMessage(path: ChildFieldPath): string {
  return `${childFieldLabels[path] ?? '该列'}含有无法识别的字符（\uFFFD），该行未导入。请在表格中改正该单元格后重新导入`;
}
