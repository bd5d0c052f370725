import { detectHeader } from '../../../electron/domain/ledger-excel/header';
import type { Cell, SheetRow } from '../../../electron/domain/ledger-excel/read-sheet';
import { columnLetter, targetForHeader } from '../../../electron/domain/ledger-excel/targets';
import {
  parseBool,
  parseCode,
  parseCodes,
  parseDisability,
  parseNamePhone,
  parseSignedWithDate,
  parseWorkPlace,
  formatCodes,
  formatWorkPlace,
} from '../../../electron/domain/ledger-excel/values';
import { shippedCodeLists as lists } from '../../../electron/domain/ledger/shipped-codelists';

const rows = (...r: Cell[][]): SheetRow[] => r.map((cells, i) => ({ number: i + 1, cells }));

describe('header synonyms', () => {
  it.each([
    ['身份证号', 'child.idNumber'],
    ['身份证号码', 'child.idNumber'],
    ['公民身份号码', 'child.idNumber'],
    [' 公民身份证号码 ', 'child.idNumber'],
    ['监护人电话', 'entrustedGuardian.phone'],
    ['联系电话', 'entrustedGuardian.phone'],
    ['乡镇', 'responsibility.township'],
    ['镇街', 'responsibility.township'],
    ['乡镇（街道）', 'responsibility.township'],
    ['乡镇(街道)*', 'responsibility.township'],
    ['父亲当前务工地点', 'father.workProvince+father.workCity'],
    ['母亲联系电话', 'mother.phone'],
    ['家庭经济来源（可多选）', 'income.sources+income.sourcesOther'],
    ['户口性质', 'child.householdType'],
  ])('%s → %s', (header, target) => {
    expect(targetForHeader(header)).toBe(target);
  });

  it('knows nothing of unrelated headers', () => {
    expect(targetForHeader('序号')).toBeUndefined();
    expect(targetForHeader('')).toBeUndefined();
  });

  it('names columns as Excel does', () => {
    expect([0, 25, 26, 28, 701].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AC', 'ZZ']);
  });
});

describe('detectHeader', () => {
  it('skips title rows and reads a single-level header', () => {
    const h = detectHeader(
      rows(['某镇留守儿童台账'], ['填报单位：某镇'], [], ['序号', '姓名', '身份证号码', '乡镇', '村'], [1, '张三', '445202…', '某镇', '某村']),
    )!;
    expect(h.headerRows).toEqual([4]);
    expect(h.dataStartIndex).toBe(4);
    expect(h.columns.map((c) => c.recognised)).toEqual(['', 'child.name', 'child.idNumber', 'responsibility.township', 'responsibility.village']);
  });

  it('resolves a merged two-level header: the group label only in its top-left cell', () => {
    const h = detectHeader(
      rows(
        ['台账'],
        ['姓名', '身份证号码', '父亲', null, null, '母亲', null, null],
        [null, null, '姓名', '务工地点', '联系电话', '姓名', '务工地点', '联系电话'],
        ['张三', '445202…', '张大', '广东深圳', '13800138000', '李四', '广东东莞', '13900139000'],
      ),
    )!;
    expect(h.headerRows).toEqual([2, 3]);
    expect(h.dataStartIndex).toBe(3);
    expect(h.columns.map((c) => c.recognised)).toEqual([
      'child.name',
      'child.idNumber',
      'father.name',
      'father.workProvince+father.workCity',
      'father.phone',
      'mother.name',
      'mother.workProvince+mother.workCity',
      'mother.phone',
    ]);
    expect(h.columns[3]!.header).toBe('父亲 · 务工地点');
    expect(h.columns[3]!.memoryKey).toBe('父亲|务工地点');
  });

  it('does not take the first data row for a second header level', () => {
    const h = detectHeader(rows(['姓名', '身份证号码', '乡镇'], ['张三', '445202…', '某镇']))!;
    expect(h.headerRows).toEqual([1]);
    expect(h.dataStartIndex).toBe(1);
  });

  it('gives up when nothing looks like a ledger header', () => {
    expect(detectHeader(rows(['说明'], ['姓名'], ['随便']))).toBeNull();
  });
});

describe('cell values', () => {
  it('reads yes/no in the ways clerks write it', () => {
    expect(['是', '有', '√', 'Y', '1'].map(parseBool)).toEqual([true, true, true, true, true]);
    expect(['否', '无', '×', 'n', '0'].map(parseBool)).toEqual([false, false, false, false, false]);
    expect(parseBool('不清楚')).toBeUndefined();
  });

  it('turns labels and short forms into codes', () => {
    expect(parseCode(lists, 'sex', '女')).toBe('2');
    expect(parseCode(lists, 'ethnicity', '汉')).toBe('01');
    expect(parseCode(lists, 'riskLevel', '红')).toBe('red');
    expect(parseCode(lists, 'householdType', '农业户口')).toBe('rural');
    expect(parseCode(lists, 'guardianKind', 'grandparents')).toBe('grandparents');
    expect(parseCode(lists, 'sex', '未知')).toBeUndefined();
  });

  it('splits a work place into province and city, and writes it back', () => {
    expect(parseWorkPlace(lists, '广东省深圳市')).toEqual({ province: '440000', city: '深圳市' });
    expect(parseWorkPlace(lists, '广东 东莞')).toEqual({ province: '440000', city: '东莞' });
    expect(parseWorkPlace(lists, '本地')).toEqual({ province: '', city: '本地' });
    expect(parseWorkPlace(lists, '—')).toEqual({ province: '—', city: '—' });
    expect(formatWorkPlace(lists, '440000', '深圳市')).toBe('广东省深圳市');
  });

  it('reads several choices, keeping unknown ones as 其他 text', () => {
    expect(parseCodes(lists, 'incomeSource', '打工收入、种养殖业')).toEqual({ codes: ['wages', 'farming'], other: '' });
    expect(parseCodes(lists, 'incomeSource', '打工收入，其他：做小生意')).toEqual({ codes: ['wages', 'other'], other: '做小生意' });
    expect(parseCodes(lists, 'incomeSource', '打工收入/摆摊')).toEqual({ codes: ['wages', 'other'], other: '摆摊' });
    expect(formatCodes(lists, 'incomeSource', ['wages', 'other'], '做小生意')).toBe('打工收入、其他：做小生意');
  });

  it('reads combined cells', () => {
    expect(parseDisability(lists, '肢体残疾二级')).toEqual({ category: '4', grade: '2' });
    expect(parseNamePhone('王五 13800138000')).toEqual({ name: '王五', phone: '13800138000' });
    expect(parseNamePhone('王五')).toEqual({ name: '王五', phone: '' });
    expect(parseSignedWithDate('是（2020-03-01）')).toEqual({ signed: true, date: '2020-03-01' });
    expect(parseSignedWithDate('否')).toEqual({ signed: false, date: '' });
  });
});
