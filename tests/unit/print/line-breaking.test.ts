import {
  balanceLines,
  breakLines,
  breakList,
  normalizeText,
  textMetrics,
  widthMm,
} from '../../../electron/print/line-breaking';
import { PURE_CJK_PARAGRAPH } from './sample-documents';

// 16 pt with the letter-spacing that puts 28 characters on a 156 mm line.
const CHAR = 156 / 28;
const BODY = textMetrics(16, CHAR - (16 * 25.4) / 72);
const LINE = 156;
const CLOSING = /^[，。、；：？！）》」』】〕〉”’]/;
const OPENING = /[（《「『【〔〈“‘]$/;

describe('textMetrics and widthMm', () => {
  it('gives a full-width character 1/28 of the line and ASCII no more than half of that', () => {
    expect(widthMm('农', BODY)).toBeCloseTo(CHAR, 6);
    expect(widthMm('农'.repeat(28), BODY)).toBeCloseTo(156, 6);
    expect(widthMm('2', BODY)).toBeLessThanOrEqual(CHAR / 2);
    expect(widthMm('2', BODY)).toBeGreaterThan(CHAR / 2 - 0.1);
    expect(widthMm('，', BODY)).toBeCloseTo(CHAR, 6);
  });
});

describe('breakLines', () => {
  it('fills each line with exactly 28 characters of plain Chinese text', () => {
    const lines = breakLines('农'.repeat(100), BODY, LINE);
    expect(lines.map((l) => l.length)).toEqual([28, 28, 28, 16]);
  });

  it('honours a narrower first line (the two-character indent)', () => {
    const lines = breakLines('农'.repeat(60), BODY, LINE - 2 * CHAR, LINE);
    expect(lines.map((l) => l.length)).toEqual([26, 28, 6]);
  });

  it('never starts a line with closing punctuation or ends one with opening punctuation', () => {
    const lines = breakLines(PURE_CJK_PARAGRAPH.repeat(3), BODY, LINE - 2 * CHAR, LINE);
    expect(lines.join('')).toBe(PURE_CJK_PARAGRAPH.repeat(3));
    for (const line of lines) {
      expect(line).not.toMatch(CLOSING);
      expect(line).not.toMatch(OPENING);
      expect(widthMm(line, BODY)).toBeLessThanOrEqual(LINE + 0.01);
    }
  });

  it('moves a character down with the comma that may not open a line (push-out)', () => {
    const text = `${'农'.repeat(28)}，村`;
    expect(breakLines(text, BODY, LINE)).toEqual(['农'.repeat(27), '农，村']);
  });

  it('keeps an opening bracket with what follows', () => {
    const text = `${'农'.repeat(27)}（一）`;
    expect(breakLines(text, BODY, LINE)).toEqual(['农'.repeat(27), '（一）']);
  });

  it('keeps numbers and Latin words whole, and never splits —— or ……', () => {
    const numbers = breakLines(`${'农'.repeat(26)}12,345名`, BODY, LINE);
    expect(numbers).toEqual(['农'.repeat(26), '12,345名']);
    const dash = breakLines(`${'农'.repeat(27)}——村`, BODY, LINE);
    expect(dash).toEqual(['农'.repeat(27), '——村']);
    const dots = breakLines(`${'农'.repeat(27)}……`, BODY, LINE);
    expect(dots[1]).toBe('……');
  });

  it('drops spaces at line ends and cuts a piece longer than a line', () => {
    const url = `https://example.org/${'a'.repeat(80)}`;
    const lines = breakLines(`见 ${url} 。`, BODY, LINE);
    // The URL cannot share the first line with 见, so the space after 见 ends that line and is dropped.
    expect(lines[0]).toBe('见');
    expect(lines.join('')).toBe(`见${url} 。`);
    for (const line of lines) {
      expect(line).toBe(line.trim());
      expect(widthMm(line, BODY)).toBeLessThanOrEqual(LINE + 0.01);
    }
  });

  it('returns one empty line for empty text', () => {
    expect(breakLines('', BODY, LINE)).toEqual(['']);
  });
});

describe('breakList', () => {
  it('keeps a short name whole, moving it to the next line instead of splitting it', () => {
    const names = ['陈志明', '林晓红', '黄建国', '吴丽华', '郑文杰', '李雪梅', '王海涛'];
    // 20 characters of room: five names with their 、 take 20, the sixth must move down whole.
    const lines = breakList(names, '、', BODY, 20 * CHAR);
    expect(lines).toEqual(['陈志明、林晓红、黄建国、吴丽华、郑文杰、', '李雪梅、王海涛']);
  });

  it('lets a long entry (unit and post) break like running text', () => {
    const lines = breakList(['市民政局儿童福利科科长彭晓燕', '梁伟'], '、', BODY, 10 * CHAR);
    expect(lines[0]).toHaveLength(10);
    expect(lines.join('')).toBe('市民政局儿童福利科科长彭晓燕、梁伟');
  });
});

describe('balanceLines', () => {
  it('evens out a two-line title instead of leaving a stub', () => {
    const title = textMetrics(22, 0);
    const text = '关于进一步加强农村留守儿童关爱保护工作的实施意见及分工方案';
    const greedy = breakLines(text, title, LINE);
    const balanced = balanceLines(text, title, LINE);
    expect(balanced).toHaveLength(greedy.length);
    expect(balanced.join('')).toBe(text);
    expect(Math.abs(balanced[0]!.length - balanced[1]!.length)).toBeLessThanOrEqual(1);
    expect(Math.abs(greedy[0]!.length - greedy[1]!.length)).toBeGreaterThan(5);
  });
});

describe('normalizeText', () => {
  it('removes control characters, folds whitespace and trims full-width indents', () => {
    expect(normalizeText('\u3000\u3000会议\r\n  强调\u0007。 ')).toBe('会议 强调。');
    expect(normalizeText('办公室\u3000\u30002025年')).toBe('办公室\u3000\u30002025年');
  });
});
