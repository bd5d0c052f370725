// The 分送 line of minutes: printed in the 版记 above 抄送/抄报, in the same style, and only when given.
import { AppError } from '../../../electron/contract/errors';
import { layoutOfficialDocument, renderOfficialDocument } from '../../../electron/print/official-document';
import { elementHtml, paddingLeftMm, rowsOf, textOf } from './html-rows';
import { sampleMinutes } from './sample-documents';

const footerOf = (html: string) => elementHtml(html, '<footer class="end-block">', '</footer>')!;

const MANY_UNITS = [
  '市委宣传部',
  '市委政法委',
  '市发展改革局',
  '市教育局',
  '市公安局',
  '市民政局',
  '市司法局',
  '市财政局',
  '市人力资源社会保障局',
  '市卫生健康局',
  '市妇联',
  '团市委',
];

describe('the 分送 line in the end block', () => {
  it('prints 分送 above 抄报 with a full stop, and no rule between them', () => {
    const footer = footerOf(
      renderOfficialDocument(sampleMinutes({ delivery: { label: '分送', to: ['市民政局', '市教育局'] } })),
    );
    expect(textOf(footer)).toBe(
      '分送：市民政局，市教育局。' +
        '抄报：市人民政府，市委办公室，市人大常委会办公室，市政协办公室。' +
        '揭阳市农村留守儿童关爱保护工作联席会议办公室2025年3月20日印发',
    );
    const rows = rowsOf(footer);
    expect(rows[0]!.html).toContain('<span class="cc-label">分送：</span>');
    expect(rows[0]!.html).toContain('rule thick top');
    expect(rows[1]!.html).toContain('<span class="cc-label">抄报：</span>');
    expect(rows[1]!.html).not.toContain('rule');
    expect(footer.match(/rule thin top/g)).toHaveLength(1);
    const imprint = rows.findIndex((r) => r.classes.includes('imprint'));
    expect(imprint).toBeGreaterThan(1);
    expect(rows[imprint]!.html).toContain('rule thin top');
    // Same style as 抄报: both labelled rows start one character in.
    expect(rows[0]!.classes).toContain('cc');
    expect(rows[1]!.classes).toContain('cc');
    expect(paddingLeftMm(rows[0]!)).toBeCloseTo(paddingLeftMm(rows[1]!), 3);
  });

  it('wraps a long list so continuation lines align after the colon', () => {
    const footer = footerOf(renderOfficialDocument(sampleMinutes({ delivery: { label: '分送', to: MANY_UNITS } })));
    const rows = rowsOf(footer);
    const delivery = rows.slice(0, rows.findIndex((r) => r.text.startsWith('抄报：')));
    expect(delivery.length).toBeGreaterThan(1);
    expect(delivery.map((r) => r.text).join('')).toBe(`分送：${MANY_UNITS.join('，')}。`);
    const labelled = paddingLeftMm(delivery[0]!);
    const colonWidth = 3 * (14 * 0.3528); // 「分送：」 in 4号 (14pt)
    for (const row of delivery.slice(1)) expect(paddingLeftMm(row) - labelled).toBeCloseTo(colonWidth, 1);
  });

  it('keeps the end block on the last lines of the last page when it grows', () => {
    const plain = layoutOfficialDocument(sampleMinutes());
    const withDelivery = layoutOfficialDocument(sampleMinutes({ delivery: { label: '分送', to: MANY_UNITS } }));
    const rows = rowsOf(footerOf(withDelivery.html));
    const deliveryRows = rows.findIndex((r) => r.text.startsWith('抄报：'));
    expect(rows.length).toBe(rowsOf(footerOf(plain.html)).length + deliveryRows);
    expect(withDelivery.pages).toBeGreaterThanOrEqual(plain.pages);
    // The spacer shrinks by exactly the added lines, so the 印发 line stays on the last line of the page.
    const spacerRows = (html: string) => {
      const m = /<div class="spacer( pb)?" style="height:([\d.]+)px">/.exec(html);
      return m ? Math.round(Number(m[2]) / (2470 / 64)) : 0;
    };
    if (withDelivery.pages === plain.pages)
      expect(spacerRows(withDelivery.html)).toBe(spacerRows(plain.html) - deliveryRows);
  });

  it('escapes the unit names', () => {
    const evil = '<img src=x onerror=alert(1)>"\'&';
    const footer = footerOf(renderOfficialDocument(sampleMinutes({ delivery: { label: '分送', to: [evil] } })));
    expect(footer).not.toContain('<img');
    expect(footer).toContain('&lt;img');
    expect(footer).toContain('&quot;&#39;&amp;');
    expect(textOf(footer)).toContain(`分送：${evil}。`);
  });

  it('prints no 分送 line when none is given', () => {
    const footer = footerOf(renderOfficialDocument(sampleMinutes()));
    expect(textOf(footer)).not.toContain('分送');
    expect(textOf(footer)).toMatch(/^抄报：/);
  });

  it('refuses an empty 分送 list with a Chinese message', () => {
    let error: unknown;
    try {
      renderOfficialDocument(sampleMinutes({ delivery: { label: '分送', to: [] } }));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields?.['delivery.to']).toBe('请填写至少一个分送单位');
  });
});
