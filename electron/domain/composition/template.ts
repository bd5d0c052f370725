// The founding notice's template, read from the app's assets. The JSON is validated on every load: it is data a
// maintainer edits by hand, and a unit pointing nowhere or a duty item that no longer matches its paragraph must
// stop the app loudly rather than surface as a wrong report later.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import { assetsDir } from '../assets-path';
import { noticeTemplateSchema, type NoticeTemplate } from './template-schema';

export * from './template-schema';
export { normalisePersonName } from './person-name';
export {
  countyUnitName,
  deriveCountyTemplate,
  type DeriveCountyOptions,
  type DerivedLevel,
} from './county-template';
export { emptyComposition } from './empty-composition';

/** The template of 揭府办〔2017〕24号, in `<assets>/templates`. */
export const NOTICE_TEMPLATE_FILE = 'jieyang-2017-24.json';

const DAMAGED = '程序自带的联席会议组成和职责模板已损坏，无法使用。请重新安装程序。';

/** Validates template data; throws AppError TEMPLATE_DAMAGED, with the offending places as `fields`. */
export function parseNoticeTemplate(data: unknown): NoticeTemplate {
  const result = noticeTemplateSchema.safeParse(data);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues.slice(0, 20))
    fields[issue.path.map(String).join('.') || '(根)'] = issue.message;
  throw new AppError('TEMPLATE_DAMAGED', DAMAGED, fields);
}

/** Reads and validates the notice template. `dir` is the assets folder (found automatically by default). */
export function loadNoticeTemplate(dir: string = assetsDir()): NoticeTemplate {
  let raw: string;
  try {
    raw = fs.readFileSync(path.join(dir, 'templates', NOTICE_TEMPLATE_FILE), 'utf8');
  } catch {
    throw new AppError(
      'ASSETS_MISSING',
      '找不到程序自带的联席会议组成和职责模板，程序安装可能不完整，请重新安装。',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new AppError('TEMPLATE_DAMAGED', DAMAGED);
  }
  return parseNoticeTemplate(data);
}
