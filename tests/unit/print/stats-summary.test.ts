import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { summariseLedger } from '../../../electron/domain/stats/summary';
import { renderStatsSummary } from '../../../electron/print/stats-summary';
import { PRINT_CSP } from '../../../electron/print/page-css';
import { formatHlc } from '../../../electron/store/hlc';
import type { EntityRecord } from '../../../electron/store/state';
import { htmlToPdf } from '../../helpers/chromium';
import { printToolsAvailable } from '../../helpers/print-tools';
import { isA4, pdfPageCount, readPdfText, renderPdfPng } from '../../helpers/pdf-measure';

const TOWNSHIPS = ['榕华街道', '新兴街道', '中山街道', '西马街道', '东兴街道', '梅云街道', '仙桥街道', '磐东街道'];
const KINDS = ['grandparents', 'grandparents', 'relatives', 'one-parent', 'none'];

function ledger(): Record<string, EntityRecord> {
  const h = formatHlc({ ms: new Date(2025, 8, 1, 10).getTime(), counter: 0, office: '445202' });
  const out: Record<string, EntityRecord> = {};
  for (let i = 0; i < 400; i++) {
    out[`c${i}`] = {
      v: {
        'responsibility.township': TOWNSHIPS[i % TOWNSHIPS.length]!,
        'child.birthDate': `${2010 + (i % 16)}-0${1 + (i % 9)}-15`,
        'child.schooling': ['kindergarten', 'primary', 'junior', 'senior'][i % 4]!,
        'guardianship.guardianKind': KINDS[i % KINDS.length]!,
        riskLevel: ['red', 'yellow', 'blue', ''][i % 4]!,
        'status.state': i % 37 === 0 ? 'exited' : 'active',
        'status.reason': 'parents-returned',
        'status.date': '2026-02-10',
      },
      b: h,
      c: h,
      u: h,
    };
  }
  return out;
}

const summary = () =>
  summariseLedger({ children: ledger(), visits: {}, reports: {}, period: { from: '2026-01-01', to: '2026-03-31' } });

it('is a self-contained page with the chart inline', () => {
  const html = renderStatsSummary(summary(), { officeName: '揭阳市榕城区民政局' });
  expect(html).toContain(`content="${PRINT_CSP}"`);
  expect(html).not.toMatch(/<script|\bsrc=|\bhref=|url\(/i);
  expect(html).toContain('<svg');
  expect(html).toContain('统计期间：2026年1月1日至2026年3月31日');
});

const withChromium = printToolsAvailable() ? it : it.skip;
withChromium(
  'prints on one A4 page with the Chinese text present',
  async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'guanai-stats-'));
    try {
      const pdf = path.join(dir, 'stats.pdf');
      const html = renderStatsSummary(summary(), { officeName: '揭阳市榕城区民政局', printedBy: '榕城区民政局 2026年3月31日 打印' });
      await htmlToPdf(html, pdf);
      if (process.env.GUANAI_KEEP_PRINTS) await renderPdfPng(pdf, "/tmp/stats-summary", { dpi: 80 });
      expect(await pdfPageCount(pdf)).toBe(1);
      const [page] = await readPdfText(pdf);
      expect(isA4(page!)).toBe(true);
      const text = page!.lines.map((l) => l.text.replace(/\s+/g, '')).join('\n');
      expect(text).toContain('农村留守儿童信息台账统计表');
      expect(text).toContain('监护人类型与年龄段');
      expect(text).toContain('仙桥街道');
      expect(text).toContain('祖辈监护');
      // The chart's own text (title, axis labels) is real text in the PDF, not an image.
      expect(text).toContain('期末在册儿童');
      if (process.env.GUANAI_KEEP_PRINTS) await renderPdfPng(pdf, '/tmp/stats-summary', { dpi: 80 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
  60_000,
);
