// Measures a printed PDF the way a person with a ruler would, for print and end-to-end tests.
//
// Two sources, because neither is enough alone:
// - `pdftotext -bbox-layout` gives the text and exact horizontal positions (from glyph advances). Its vertical
//   boxes come from the font's bounding box, which for the Type 3 fonts Chromium writes for Noto CJK is 2.6 em tall:
//   good for comparing lines with each other, useless for "where is the top of the text".
// - `pdftoppm` gives the ink: where black and red actually land on the paper. Vertical checks use it.
// All lengths are millimetres from the top-left corner of the page.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MM_PER_PT = 25.4 / 72;

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PdfWord extends Box {
  text: string;
}

/** Words whose vertical centres agree, left to right: one printed line. */
export interface PdfLine extends Box {
  text: string;
  words: PdfWord[];
}

export interface PdfTextPage {
  /** 1-based. */
  number: number;
  widthMm: number;
  heightMm: number;
  words: PdfWord[];
  lines: PdfLine[];
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

const centre = (b: Box) => (b.top + b.bottom) / 2;

/** Groups words into lines by vertical centre (within `toleranceMm`), each line sorted left to right. */
export function groupLines(words: PdfWord[], toleranceMm = 1.5): PdfLine[] {
  const sorted = [...words].sort((a, b) => centre(a) - centre(b) || a.left - b.left);
  const lines: PdfLine[] = [];
  for (const word of sorted) {
    const line = lines.find((l) => Math.abs(centre(l) - centre(word)) <= toleranceMm);
    if (line) {
      line.words.push(word);
      line.left = Math.min(line.left, word.left);
      line.right = Math.max(line.right, word.right);
      line.top = Math.min(line.top, word.top);
      line.bottom = Math.max(line.bottom, word.bottom);
    } else {
      lines.push({
        text: '',
        words: [word],
        left: word.left,
        right: word.right,
        top: word.top,
        bottom: word.bottom,
      });
    }
  }
  for (const line of lines) {
    line.words.sort((a, b) => a.left - b.left);
    line.text = line.words.map((w) => w.text).join('');
  }
  return lines.sort((a, b) => a.top - b.top);
}

export async function readPdfText(file: string): Promise<PdfTextPage[]> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfTextPage[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const wordRe =
    /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([\s\S]*?)<\/word>/g;
  for (const page of stdout.matchAll(pageRe)) {
    const words: PdfWord[] = [];
    for (const w of page[3]!.matchAll(wordRe)) {
      words.push({
        left: Number(w[1]) * MM_PER_PT,
        top: Number(w[2]) * MM_PER_PT,
        right: Number(w[3]) * MM_PER_PT,
        bottom: Number(w[4]) * MM_PER_PT,
        text: decodeXml(w[5]!),
      });
    }
    pages.push({
      number: pages.length + 1,
      widthMm: Number(page[1]) * MM_PER_PT,
      heightMm: Number(page[2]) * MM_PER_PT,
      words,
      lines: groupLines(words),
    });
  }
  return pages;
}

export type InkKind = 'dark' | 'red';

/** One page as pixels (from pdftoppm), to find where ink lands. */
export class PageRaster {
  constructor(
    readonly number: number,
    readonly widthPx: number,
    readonly heightPx: number,
    readonly dpi: number,
    private readonly rgb: Uint8Array,
  ) {}

  get widthMm(): number {
    return (this.widthPx * 25.4) / this.dpi;
  }

  get heightMm(): number {
    return (this.heightPx * 25.4) / this.dpi;
  }

  private toPx(mm: number): number {
    return Math.round((mm * this.dpi) / 25.4);
  }

  private toMm(px: number): number {
    return (px * 25.4) / this.dpi;
  }

  /** Dark: black text and rules (a faint watermark is not ink). Red: the red mark and rule. */
  isInk(x: number, y: number, kind: InkKind): boolean {
    const i = (y * this.widthPx + x) * 3;
    const r = this.rgb[i]!;
    const g = this.rgb[i + 1]!;
    const b = this.rgb[i + 2]!;
    if (kind === 'red') return r > 150 && g < 110 && b < 110;
    return Math.max(r, g, b) < 140;
  }

  private range(region: Box | undefined) {
    const r = region ?? { left: 0, top: 0, right: this.widthMm, bottom: this.heightMm };
    return {
      x0: Math.max(0, this.toPx(r.left)),
      x1: Math.min(this.widthPx, this.toPx(r.right)),
      y0: Math.max(0, this.toPx(r.top)),
      y1: Math.min(this.heightPx, this.toPx(r.bottom)),
    };
  }

  /** The smallest box holding all ink of `kind` in `region` (the whole page by default), or null. */
  inkBox(kind: InkKind = 'dark', region?: Box): Box | null {
    const { x0, x1, y0, y1 } = this.range(region);
    let box: { l: number; t: number; r: number; b: number } | null = null;
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        if (!this.isInk(x, y, kind)) continue;
        if (!box) box = { l: x, t: y, r: x, b: y };
        else {
          box.l = Math.min(box.l, x);
          box.r = Math.max(box.r, x);
          box.t = Math.min(box.t, y);
          box.b = Math.max(box.b, y);
        }
      }
    }
    if (!box) return null;
    return {
      left: this.toMm(box.l),
      top: this.toMm(box.t),
      right: this.toMm(box.r + 1),
      bottom: this.toMm(box.b + 1),
    };
  }

  /**
   * Horizontal bands of ink: runs of pixel rows holding ink, with gaps up to `mergeGapMm` closed (a glyph such as
   * 二 has white rows inside it; lines of 16 pt text on a 10.2 mm pitch are ~4.5 mm apart).
   */
  bands(kind: InkKind = 'dark', region?: Box, mergeGapMm = 2): Box[] {
    const { x0, x1, y0, y1 } = this.range(region);
    const bands: { t: number; b: number; l: number; r: number }[] = [];
    const mergeGap = this.toPx(mergeGapMm);
    for (let y = y0; y < y1; y++) {
      let l = -1;
      let r = -1;
      for (let x = x0; x < x1; x++) {
        if (this.isInk(x, y, kind)) {
          if (l < 0) l = x;
          r = x;
        }
      }
      if (l < 0) continue;
      const last = bands[bands.length - 1];
      if (last && y - last.b - 1 <= mergeGap) {
        last.b = y;
        last.l = Math.min(last.l, l);
        last.r = Math.max(last.r, r);
      } else {
        bands.push({ t: y, b: y, l, r });
      }
    }
    return bands.map((b) => ({
      left: this.toMm(b.l),
      top: this.toMm(b.t),
      right: this.toMm(b.r + 1),
      bottom: this.toMm(b.b + 1),
    }));
  }
}

function parsePpm(buffer: Buffer): { width: number; height: number; rgb: Uint8Array } {
  // P6 header: magic, width, height, maxval, each followed by whitespace; comments are not written by pdftoppm.
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buffer[i]!))) i++;
    let token = '';
    while (!/\s/.test(String.fromCharCode(buffer[i]!))) token += String.fromCharCode(buffer[i++]!);
    fields.push(token);
  }
  i++;
  if (fields[0] !== 'P6' || fields[3] !== '255')
    throw new Error(`pdftoppm output is not an 8-bit PPM: ${fields.join(' ')}`);
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, rgb: new Uint8Array(buffer.buffer, buffer.byteOffset + i, width * height * 3) };
}

export interface RasterOptions {
  dpi?: number;
  first?: number;
  last?: number;
}

export async function rasterizePdf(file: string, options: RasterOptions = {}): Promise<PageRaster[]> {
  const dpi = options.dpi ?? 100;
  const dir = await mkdtemp(path.join(tmpdir(), 'guanai-raster-'));
  try {
    const args = ['-r', String(dpi)];
    if (options.first) args.push('-f', String(options.first));
    if (options.last) args.push('-l', String(options.last));
    await run('pdftoppm', [...args, file, path.join(dir, 'page')]);
    const names = (await readdir(dir)).filter((n) => n.endsWith('.ppm')).sort();
    const pages: PageRaster[] = [];
    for (const name of names) {
      const { width, height, rgb } = parsePpm(await readFile(path.join(dir, name)));
      const number = Number(/(\d+)\.ppm$/.exec(name)![1]);
      pages.push(new PageRaster(number, width, height, dpi, rgb));
    }
    return pages;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes PNGs (`<outPrefix>-1.png`, …) for a person to look at; returns their paths. */
export async function renderPdfPng(
  file: string,
  outPrefix: string,
  options: RasterOptions = {},
): Promise<string[]> {
  const args = ['-png', '-r', String(options.dpi ?? 60)];
  if (options.first) args.push('-f', String(options.first));
  if (options.last) args.push('-l', String(options.last));
  await run('pdftoppm', [...args, file, outPrefix]);
  const dir = path.dirname(outPrefix);
  const base = path.basename(outPrefix);
  return (await readdir(dir))
    .filter((n) => n.startsWith(`${base}-`) && n.endsWith('.png'))
    .sort()
    .map((n) => path.join(dir, n));
}

export async function pdfPageCount(file: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [file]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? 0);
}

// GB/T 9704-2012, written out again here rather than imported, so a wrong constant in the code cannot agree with
// itself in the test.
export const A4 = { widthMm: 210, heightMm: 297 };
export const TEXT_AREA = { widthMm: 156, heightMm: 225, topMm: 37, bindingMm: 28 };
export const LINE_PITCH_MM = 225 / 22;

export function isA4(page: { widthMm: number; heightMm: number }, toleranceMm = 0.5): boolean {
  return (
    Math.abs(page.widthMm - A4.widthMm) <= toleranceMm && Math.abs(page.heightMm - A4.heightMm) <= toleranceMm
  );
}

/** The text area (版心) of a page: binding on the left of odd pages and on the right of even pages. */
export function textArea(pageNumber: number): Box {
  const left =
    pageNumber % 2 === 1 ? TEXT_AREA.bindingMm : A4.widthMm - TEXT_AREA.bindingMm - TEXT_AREA.widthMm;
  return {
    left,
    top: TEXT_AREA.topMm,
    right: left + TEXT_AREA.widthMm,
    bottom: TEXT_AREA.topMm + TEXT_AREA.heightMm,
  };
}

/** True when `inner` lies inside `outer` grown by `toleranceMm` on every side. */
export function isInside(inner: Box, outer: Box, toleranceMm = 1): boolean {
  return (
    inner.left >= outer.left - toleranceMm &&
    inner.right <= outer.right + toleranceMm &&
    inner.top >= outer.top - toleranceMm &&
    inner.bottom <= outer.bottom + toleranceMm
  );
}

/** Width of a line in body character cells: CJK and other full-width characters 1, ASCII ½. */
export function characterCells(text: string): number {
  let cells = 0;
  for (const ch of text.replace(/\s/g, '')) cells += /[\x21-\x7e]/.test(ch) ? 0.5 : 1;
  return cells;
}
