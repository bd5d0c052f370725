// What a township really keeps (issue 9, point 1): a 花名册 with a merged title and a subtitle, a two-level header
// (父亲 / 母亲 / 委托监护人 over 姓名, 务工地点, 联系电话), and only part of the national form: no 民族, 是否登记户口,
// 户籍性质, 现居住地, 身体情况, 村（居）…; its 监护类型 column holds who guards the child (祖辈监护…). The rows carry
// every mess townships make: blank rows, full-width digits, stray spaces, a lower-case x, mixed date styles, an ID
// number Excel rounded, a wrong check character, the same child twice, and a child without an ID number.
import ExcelJS from 'exceljs';
import { makeIdNumber } from '../../electron/domain/ledger/id-number';

const FULL_WIDTH = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** A valid number for a birth date whose check character is X (so the sheet can write it as a lower-case x). */
function withCheckX(region: string, birth: string): string {
  for (let seq = 1; seq < 1000; seq += 1) {
    const n = makeIdNumber(region, birth, seq);
    if (n.endsWith('X') && Number(n[16]) % 2 === 1) return n;
  }
  throw new Error('no X check character');
}

export const TOWNSHIP_ID = {
  a: makeIdNumber('445202', '2015-03-02', 11), // 男
  b: makeIdNumber('445202', '2014-07-15', 22), // 女
  rounded: makeIdNumber('445221', '2013-01-09', 33),
  d: makeIdNumber('445222', '2012-12-01', 44), // 女
  x: withCheckX('445202', '2013-05-06'), // 男, check character X
  e: makeIdNumber('445202', '2015-06-18', 66), // 女
  f: makeIdNumber('445202', '2011-09-30', 77), // 男
  g: makeIdNumber('445202', '2016-02-29', 88), // 女
  h: makeIdNumber('445202', '2010-11-11', 99), // 男
  i: makeIdNumber('445202', '2014-01-20', 102), // 女
  badCheck: '',
};
const good = makeIdNumber('445202', '2012-04-04', 111);
TOWNSHIP_ID.badCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');

export const TOWNSHIP = '仙桥街道';

const TOP = ['序号', '姓名', '性别', '身份证号码', '出生日期', '所属镇街', '就学情况', '监护类型', '父亲', null, null, '母亲', null, null, '委托监护人', null, null, '备注'];
const SUB = [null, null, null, null, null, null, null, null, '姓名', '务工地点', '联系电话', '姓名', '务工地点', '联系电话', '姓名', '务工地点', '联系电话', null];

type Cell = string | number | Date | null;

function row(o: { n: number; name: string; sex: Cell; id: Cell; birth: Cell; kind: string; school?: string; town?: string }): Cell[] {
  return [
    o.n, o.name, o.sex, o.id, o.birth, o.town ?? TOWNSHIP, o.school ?? '小学', o.kind,
    '林大海', '广东省深圳市', '13800138000', '陈秀英', '广东省东莞市', '13900139000',
    '林阿婆', '', '13700137000', '',
  ];
}

/** Excel row numbers: what each row is. */
export const TOWNSHIP_ROWS = {
  valid: [5, 6, 9, 12, 13, 14, 15, 16, 17, 18],
  blank: 7,
  rounded: 8,
  duplicate: 10,
  duplicateOf: 5,
  badCheck: 11,
  /** The child without an ID number (identified by name, birth date and township). */
  noId: 14,
  lowerX: 12,
};

/** The children the sheet holds, as the ledger should store them. */
export const TOWNSHIP_CHILDREN = [
  { name: '林小明', idNumber: TOWNSHIP_ID.a, birthDate: '2015-03-02', sex: '1', guardianKind: 'grandparents' },
  { name: '陈小红', idNumber: TOWNSHIP_ID.b, birthDate: '2014-07-15', sex: '2', guardianKind: 'relatives' },
  { name: '吴小凤', idNumber: TOWNSHIP_ID.d, birthDate: '2012-12-01', sex: '2', guardianKind: 'one-parent' },
  { name: '黄小勇', idNumber: TOWNSHIP_ID.x, birthDate: '2013-05-06', sex: '1', guardianKind: 'grandparents' },
  { name: '蔡小玲', idNumber: TOWNSHIP_ID.e, birthDate: '2015-06-18', sex: '2', guardianKind: 'none' },
  { name: '许小军', idNumber: '', birthDate: '2016-08-08', sex: '1', guardianKind: 'grandparents' },
  { name: '郭小伟', idNumber: TOWNSHIP_ID.f, birthDate: '2011-09-30', sex: '1', guardianKind: 'relatives' },
  { name: '杨小丽', idNumber: TOWNSHIP_ID.g, birthDate: '2016-02-29', sex: '2', guardianKind: 'grandparents' },
  { name: '李小强', idNumber: TOWNSHIP_ID.h, birthDate: '2010-11-11', sex: '1', guardianKind: 'one-parent' },
  { name: '周小燕', idNumber: TOWNSHIP_ID.i, birthDate: '2014-01-20', sex: '2', guardianKind: 'grandparents' },
];

export async function townshipSheetXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['仙桥街道农村留守儿童花名册']);
  ws.mergeCells('A1:R1');
  ws.addRow(['填报单位：仙桥街道办事处（盖章）　　填报日期：2026年11月20日']);
  ws.mergeCells('A2:R2');
  ws.addRow(TOP);
  ws.addRow(SUB);
  ws.mergeCells('I3:K3');
  ws.mergeCells('L3:N3');
  ws.mergeCells('O3:Q3');
  for (const c of [1, 2, 3, 4, 5, 6, 7, 8, 18]) ws.mergeCells(3, c, 4, c);

  // 5: an Excel serial date (42065 = 2015-03-02).
  ws.addRow(row({ n: 1, name: '林小明', sex: '男', id: TOWNSHIP_ID.a, birth: 42065, kind: '祖辈监护' }));
  // 6: full-width digits, stray spaces (also inside the name), 2014.7.15.
  ws.addRow(row({ n: 2, name: ' 陈 小 红 ', sex: '女 ', id: ` ${FULL_WIDTH(TOWNSHIP_ID.b)} `, birth: '2014.7.15', kind: ' 亲友监护', town: ' 仙桥街道 ' }));
  // 7: blank.
  ws.addRow([]);
  // 8: the ID number typed into a number cell: Excel kept 15 significant digits.
  ws.addRow(row({ n: 3, name: '黄小龙', sex: '男', id: Number(TOWNSHIP_ID.rounded), birth: '2013-01-09', kind: '祖辈监护' }));
  // 9: 2012年12月1日.
  ws.addRow(row({ n: 4, name: '吴小凤', sex: '女', id: TOWNSHIP_ID.d, birth: '2012年12月1日', kind: '父母一方监护', school: '初中' }));
  // 10: row 5 again.
  ws.addRow(row({ n: 5, name: '林小明', sex: '男', id: TOWNSHIP_ID.a, birth: '2015-03-02', kind: '祖辈监护' }));
  // 11: a wrong check character.
  ws.addRow(row({ n: 6, name: '郑小华', sex: '女', id: TOWNSHIP_ID.badCheck, birth: '2012-04-04', kind: '祖辈监护' }));
  // 12: a lower-case x, 2013/5/6.
  ws.addRow(row({ n: 7, name: '黄小勇', sex: '男', id: TOWNSHIP_ID.x.toLowerCase(), birth: '2013/5/6', kind: '祖辈监护' }));
  // 13: a date cell; no sex (the ID number gives it).
  ws.addRow(row({ n: 8, name: '蔡小玲', sex: null, id: TOWNSHIP_ID.e, birth: new Date(Date.UTC(2015, 5, 18)), kind: '无人监护', school: '幼儿园' }));
  // 14: no ID number: name, birth date and township say who it is.
  ws.addRow(row({ n: 9, name: '许小军', sex: '男', id: null, birth: '2016-08-08', kind: '祖辈监护', school: '幼儿园' }));
  ws.addRow(row({ n: 10, name: '郭小伟', sex: '男', id: TOWNSHIP_ID.f, birth: '2011.09.30', kind: '亲友监护', school: '初中' }));
  ws.addRow(row({ n: 11, name: '杨小丽', sex: '女', id: TOWNSHIP_ID.g, birth: '20160229', kind: '祖辈监护', school: '幼儿园' }));
  ws.addRow(row({ n: 12, name: '李小强', sex: '男', id: TOWNSHIP_ID.h, birth: '2010-11-11', kind: '父母一方监护', school: '初中' }));
  ws.addRow(row({ n: 13, name: '周小燕', sex: '女', id: TOWNSHIP_ID.i, birth: '2014-01-20', kind: '祖辈监护' }));
  const buf = await wb.xlsx.writeBuffer();
  return Buffer.from(buf as ArrayBuffer);
}
