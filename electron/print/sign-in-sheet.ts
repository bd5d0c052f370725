// The sign-in sheet (签到表) handed round at a joint meeting: one row per expected attendee with an empty 签到
// cell, on the same A4 page as the minutes. A table paginates by itself here, and the header row repeats on every
// page, so no grid layout is needed.
import { z } from 'zod';
import { AppError } from '../contract/errors';
import { formatChineseDate, formatMeetingTime, isIsoDate } from './chinese-date';
import { escapeHtml } from './escape';
import { FONT_FANGSONG, FONT_HEITI, FONT_XIAOBIAOSONG } from './fonts';
import { SMALL_PT, TEXT_WIDTH_MM, TITLE_PT, mm } from './geometry';
import { normalizeText } from './line-breaking';
import { pageShell } from './page-css';

const field = (label: string) =>
  z.string({ message: `${label}应为文字` }).max(500, { message: `${label}过长` });

export const signInSheetSchema = z.object({
  title: field('标题').refine((s) => s.trim().length > 0, { message: '请填写标题' }),
  /** ISO 'YYYY-MM-DD'. */
  date: z
    .string({ message: '请填写会议日期' })
    .refine(isIsoDate, { message: '会议日期应为“2025-03-20”形式的日期' }),
  /** Free text after the date, e.g. 上午9:30 (printed 上午9时30分). */
  time: field('会议时间').optional(),
  place: field('会议地点'),
  rows: z
    .array(z.object({ unit: field('单位'), name: field('姓名'), post: field('职务') }))
    .max(1000, { message: '签到名单过长' }),
  /** Empty rows at the end for people not on the list. */
  blankRows: z.number().int().min(0).max(100).optional(),
  printedBy: field('打印人').optional(),
  demo: z.boolean().optional(),
});

export type SignInSheet = z.input<typeof signInSheetSchema>;

// Widths in mm; they add up to the 156 mm text area. 单位 holds 10 characters of 4号 (市人力资源社会保障局), 职务 7.
const COLUMNS: [string, number][] = [
  ['序号', 13],
  ['单位', 53],
  ['姓名', 23],
  ['职务', 38],
  ['签到', 29],
];

const SHEET_CSS = `
.sheet-title { margin: 0 0 6mm; font-family: ${FONT_XIAOBIAOSONG}; font-size: ${TITLE_PT}pt; font-weight: normal;
  text-align: center; line-height: 1.4; }
.sheet-meta { margin: 0 0 4mm; display: flex; justify-content: space-between; gap: 6mm; font-size: ${SMALL_PT}pt; }
table { width: ${mm(TEXT_WIDTH_MM)}; table-layout: fixed; border-collapse: collapse; font-size: ${SMALL_PT}pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.5pt solid #000; height: 12mm; padding: 0 1mm; vertical-align: middle; overflow-wrap: anywhere;
  line-height: 1.25; }
th { font-family: ${FONT_HEITI}; font-weight: normal; text-align: center; height: 10mm; }
td { font-family: ${FONT_FANGSONG}; }
td.n { text-align: center; }
td.s { text-align: center; }
`;

export function renderSignInSheet(input: SignInSheet): string {
  const parsed = signInSheetSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      fields[issue.path.map(String).join('.') || '_'] ??= issue.message;
    throw new AppError('VALIDATION', '签到表内容不完整或格式不正确，无法打印。', fields);
  }
  const sheet = parsed.data;
  const title = normalizeText(sheet.title);
  const when = [formatChineseDate(sheet.date), formatMeetingTime(normalizeText(sheet.time ?? ''))]
    .filter(Boolean)
    .join(' ');
  const place = normalizeText(sheet.place);
  const cols = COLUMNS.map(([, w]) => `<col style="width:${mm(w)}">`).join('');
  const head = COLUMNS.map(([label]) => `<th scope="col">${label}</th>`).join('');
  const rows = sheet.rows.map(
    (r, i) =>
      `<tr><td class="n">${i + 1}</td><td>${escapeHtml(normalizeText(r.unit))}</td>` +
      `<td>${escapeHtml(normalizeText(r.name))}</td><td>${escapeHtml(normalizeText(r.post))}</td><td class="s"></td></tr>`,
  );
  for (let i = 0; i < (sheet.blankRows ?? 0); i++) {
    rows.push(
      `<tr><td class="n">${sheet.rows.length + i + 1}</td><td></td><td></td><td></td><td class="s"></td></tr>`,
    );
  }
  const body = `<main class="sign-in-sheet">
<h1 class="sheet-title">${escapeHtml(title)}</h1>
<p class="sheet-meta"><span>时间：${escapeHtml(when)}</span><span>地点：${escapeHtml(place)}</span></p>
<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
</main>`;
  return pageShell({
    title,
    css: SHEET_CSS,
    body,
    printedBy: sheet.printedBy ? normalizeText(sheet.printedBy) : undefined,
    demo: sheet.demo,
  });
}
