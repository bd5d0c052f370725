// Line breaking for the GB/T grid. The page must hold exactly 22 lines and the end block must sit on the last
// line of the last page; neither is possible in CSS without scripts, so lines are broken here with the same widths
// the printer uses, and every printed line is its own box. Chinese line-breaking rules (禁则) follow clreq: closing
// punctuation never starts a line, opening punctuation never ends one, ——/…… and Latin words are never split.

export interface TextMetrics {
  /** Advance of a full-width character including letter-spacing, in mm. */
  fullMm: number;
  /** Advance of a half-width (ASCII) character including letter-spacing, in mm; ASCII is set half-width. */
  halfMm: number;
}

export function textMetrics(sizePt: number, letterSpacingMm: number): TextMetrics {
  const emMm = (sizePt * 25.4) / 72;
  return { fullMm: emMm + letterSpacingMm, halfMm: emMm / 2 + letterSpacingMm };
}

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Printable ASCII and the half-width forms block print half an em wide; everything else is counted full width. */
export function isHalfWidth(grapheme: string): boolean {
  const cp = grapheme.codePointAt(0)!;
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xff61 && cp <= 0xffdc) || (cp >= 0xffe8 && cp <= 0xffee);
}

export function widthMm(text: string, metrics: TextMetrics): number {
  let w = 0;
  for (const g of graphemes(text)) w += isHalfWidth(g) ? metrics.halfMm : metrics.fullMm;
  return w;
}

const NO_LINE_START = new Set([
  ...'，。、；：？！）》」』】〕〉〗〙〛｝］”’·％‰～′″℃°',
  ...',.;:?!)]}%',
  ...'ーヽヾゝゞ々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ',
]);
const NO_LINE_END = new Set([...'（《「『【〔〈〖〘〚｛［“‘', ...'([{']);

interface Group {
  text: string;
  width: number;
  space: boolean;
}

/** A date as official text writes it (2025年3月20日, 2025年3月, 3月20日): a title never breaks inside one. */
export const DATE_PATTERN = /\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}/g;

/** Words a title in this field uses that must stay on one line (「防溺水」 never as 「防／溺水」), longest first. */
export const TITLE_WORDS = [
  '农村留守儿童',
  '生活管理教师',
  '寄宿制学校',
  '留守儿童',
  '困境儿童',
  '关爱保护',
  '联席会议',
  '成员单位',
  '防溺水',
  '防性侵',
  '防欺凌',
  '防拐卖',
  '安全教育',
  '信息台账',
  '委托监护',
  '强制报告',
  '社会治安',
  '综合治理',
  '工作进展',
  '督办事项',
  '职责分工',
  '办理情况',
  '结对帮扶',
  '实施方案',
  '工作方案',
  '工作情况',
  '工作机制',
  '摸底排查',
  '定期走访',
  '季度更新',
  '月度通报',
  '学校',
  '教师',
  '儿童',
  '家庭',
  '监护',
  '关于',
  '通知',
  '通报',
  '催办',
  '开展',
  '建立',
  '落实',
  '配齐',
  '制定',
  '完善',
  '加强',
  '推进',
];

/** What a title keeps whole: a date, a document number (〔2026〕1号) and the words above. */
export const TITLE_KEEP = new RegExp(`${DATE_PATTERN.source}|〔\\d{4}〕\\d+号|${TITLE_WORDS.join('|')}`, 'g');

/**
 * Unbreakable pieces: a run of ASCII non-space characters, a space, ——, ……, or one grapheme; with `keep`, every
 * match of it is one piece too (a date in a title).
 */
function atoms(text: string, keep?: RegExp): string[] {
  if (keep) {
    const out: string[] = [];
    let last = 0;
    for (const m of text.matchAll(new RegExp(keep.source, 'g'))) {
      if (m[0] === '') continue;
      out.push(...atoms(text.slice(last, m.index)), m[0]);
      last = m.index + m[0].length;
    }
    return [...out, ...atoms(text.slice(last))];
  }
  const out: string[] = [];
  const gs = graphemes(text);
  for (let i = 0; i < gs.length; i++) {
    const g = gs[i]!;
    const prev = out.length > 0 ? out[out.length - 1]! : '';
    const asciiWord = /^[!-~]$/;
    if (asciiWord.test(g) && prev !== '' && /^[!-~]+$/.test(prev)) out[out.length - 1] = prev + g;
    else if ((g === '—' || g === '…') && prev === g) out[out.length - 1] = prev + g;
    else out.push(g);
  }
  return out;
}

function groups(text: string, metrics: TextMetrics, keep?: RegExp): Group[] {
  const out: Group[] = [];
  let lastAtom = '';
  for (const atom of atoms(text, keep)) {
    const space = atom === ' ';
    const width = widthMm(atom, metrics);
    const prev = out[out.length - 1];
    const glue =
      prev !== undefined &&
      !space &&
      !prev.space &&
      (NO_LINE_START.has(graphemes(atom)[0]!) || NO_LINE_END.has(graphemes(lastAtom).at(-1)!));
    if (glue) {
      prev.text += atom;
      prev.width += width;
    } else {
      out.push({ text: atom, width, space });
    }
    lastAtom = atom;
  }
  return out;
}

const EPSILON_MM = 0.01;

/**
 * Breaks `text` into lines no wider than `firstWidthMm` (first line) and `restWidthMm` (the others). Spaces at
 * line ends are dropped. A piece wider than a whole line (a long URL) is cut between characters.
 */
export function breakLines(
  text: string,
  metrics: TextMetrics,
  firstWidthMm: number,
  restWidthMm = firstWidthMm,
  keep?: RegExp,
): string[] {
  return fill(groups(text, metrics, keep), metrics, firstWidthMm, restWidthMm);
}

/**
 * Breaks a list of names joined by `separator` (「张三、李四」). A short entry is never split across lines, the
 * way a typesetter keeps a person's name whole; a long one (a unit and a post) breaks like running text.
 */
export function breakList(
  items: readonly string[],
  separator: string,
  metrics: TextMetrics,
  firstWidthMm: number,
  restWidthMm = firstWidthMm,
  keepWholeUpTo = 7,
): string[] {
  const all: Group[] = [];
  items.forEach((item, i) => {
    const piece = i < items.length - 1 ? item + separator : item;
    const width = widthMm(piece, metrics);
    if (width <= keepWholeUpTo * metrics.fullMm + EPSILON_MM) all.push({ text: piece, width, space: false });
    else all.push(...groups(piece, metrics));
  });
  return fill(all, metrics, firstWidthMm, restWidthMm);
}

function fill(input: Group[], metrics: TextMetrics, firstWidthMm: number, restWidthMm: number): string[] {
  const lines: string[] = [];
  let line: Group[] = [];
  let used = 0;
  const limit = () => (lines.length === 0 ? firstWidthMm : restWidthMm) + EPSILON_MM;
  const flush = () => {
    while (line.length > 0 && line[line.length - 1]!.space) line.pop();
    lines.push(line.map((g) => g.text).join(''));
    line = [];
    used = 0;
  };
  for (const group of input) {
    if (group.space && line.length === 0) continue;
    if (used + group.width <= limit()) {
      line.push(group);
      used += group.width;
      continue;
    }
    if (group.space) {
      flush();
      continue;
    }
    if (line.length > 0) flush();
    if (group.width <= limit()) {
      line.push(group);
      used = group.width;
      continue;
    }
    for (const g of graphemes(group.text)) {
      const w = widthMm(g, metrics);
      if (used + w > limit() && line.length > 0) flush();
      line.push({ text: g, width: w, space: false });
      used += w;
    }
  }
  if (line.length > 0 || lines.length === 0) flush();
  return lines;
}

/**
 * Like breakLines with one width, but evens out the lines (titles are set as a balanced block, not a long line and
 * a stub): the narrowest width that still needs no more lines than the greedy break. `keep` as in breakLines.
 */
export function balanceLines(text: string, metrics: TextMetrics, widthMm_: number, keep?: RegExp): string[] {
  const greedy = breakLines(text, metrics, widthMm_, widthMm_, keep);
  if (greedy.length <= 1) return greedy;
  let lo = widthMm(text, metrics) / greedy.length;
  let hi = widthMm_;
  let best = greedy;
  for (let i = 0; i < 20 && hi - lo > 0.05; i++) {
    const mid = (lo + hi) / 2;
    const attempt = breakLines(text, metrics, mid, mid, keep);
    if (attempt.length <= greedy.length) {
      best = attempt;
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return best;
}

/** Tidies text typed by people: no control characters, single spaces, no leading/trailing (full-width) blanks. */
export function normalizeText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\u2028\u2029\ufeff]/g, '')
      .replace(/[\s\u00a0]+/g, (ws) => (/^\u3000+$/.test(ws) ? ws : ' '))
      .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
  );
}
