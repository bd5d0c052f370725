// A bulletin's title (关于2025年1月1日至3月31日工作进展情况的通报) is set as a balanced two-line block; it must
// never break inside a date.
import { bulletinTitle } from '../../../electron/domain/bulletins/bulletin';
import { DATE_PATTERN, balanceLines, textMetrics } from '../../../electron/print/line-breaking';
import { renderOfficialDocument } from '../../../electron/print/official-document';
import { elementHtml, rowsOf } from './html-rows';

const TITLE = textMetrics(22, 0);

/** Every 1st and 16th of 2024–2026, each with a period end 30, 90 and 120 days on. */
function periods(): [string, string][] {
  const out: [string, string][] = [];
  for (let y = 2024; y <= 2026; y++)
    for (let m = 1; m <= 12; m++)
      for (const d of [1, 16]) {
        const from = new Date(Date.UTC(y, m - 1, d));
        for (const days of [30, 90, 120]) {
          const to = new Date(from.getTime() + days * 86_400_000);
          out.push([from.toISOString().slice(0, 10), to.toISOString().slice(0, 10)]);
        }
      }
  return out;
}

function titleLines(title: string): string[] {
  const html = renderOfficialDocument({
    kind: 'bulletin',
    mark: '揭阳市农村留守儿童关爱保护工作进展通报',
    number: '第1期',
    issuer: '揭阳市农村留守儿童关爱保护工作联席会议办公室',
    date: '2026-04-01',
    title,
    blocks: [{ type: 'paragraph', text: '通报如下。' }],
    issuingLine: { office: '揭阳市农村留守儿童关爱保护工作联席会议办公室', date: '2026-04-01' },
  });
  const h1 = elementHtml(html, '<h1 class="title">', '</h1>')!;
  return rowsOf(h1).map((r) => r.text);
}

describe('titles never break inside a date', () => {
  it('keeps every date of every bulletin title whole on one line', () => {
    let twoLines = 0;
    for (const [from, to] of periods()) {
      const title = bulletinTitle(from, to);
      const lines = titleLines(title);
      expect(lines.join('')).toBe(title);
      if (lines.length > 1) twoLines++;
      for (const date of title.match(DATE_PATTERN) ?? [])
        expect(lines.some((l) => l.includes(date)) ? date : `${date} broken in ${lines.join(' | ')}`).toBe(
          date,
        );
    }
    expect(twoLines).toBeGreaterThan(0);
  });

  it('would break inside a date without the rule (the case is real)', () => {
    const broken = periods()
      .map(([from, to]) => bulletinTitle(from, to))
      .filter((title) => {
        const lines = balanceLines(title, TITLE, 156);
        return (title.match(DATE_PATTERN) ?? []).some((d) => !lines.some((l) => l.includes(d)));
      });
    expect(broken.length).toBeGreaterThan(0);
  });
});
