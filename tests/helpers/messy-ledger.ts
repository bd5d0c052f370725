// A township ledger as they really arrive: title and subtitle rows, a two-level header with merged 父亲/母亲 cells,
// synonyms for headers, blank rows, full-width digits, stray spaces, an ID number Excel has rounded, dates in every
// form, the same child twice and a wrong check character. Built with exceljs so every test sees the same file.
import ExcelJS from 'exceljs';
import { makeIdNumber } from '../../electron/domain/ledger/id-number';

export const ID = {
  a: makeIdNumber('445202', '2015-03-02', 11), // 男
  b: makeIdNumber('445202', '2014-07-15', 22), // 女
  c: makeIdNumber('445221', '2013-01-09', 33), // 男
  d: makeIdNumber('445222', '2012-12-01', 44), // 女
  held: makeIdNumber('445281', '2016-05-20', 55), // 男: already in the ledger
  badCheck: '', // filled below
};
const good = makeIdNumber('445202', '2015-06-18', 66);
ID.badCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');

const FULL_WIDTH = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

// A: 序号 … AC: 备注 (29 columns)
const TOP = [
  '序号', '姓名', '性别', '民族', '出生日期', '公民身份号码', '是否登记户口', '户口性质', '家庭住址', '健康状况', '就学情况',
  '父亲', null, null, '母亲', null, null,
  '父母双方外出', '父母一方外出另一方无监护能力', '有无委托监护人', '监护人类型', '监护类型', '监护情况评估',
  '监护人姓名', '监护人电话', '与儿童关系', '镇街', '村居', '备注',
];
const SUB = [null, null, null, null, null, null, null, null, null, null, null, '姓名', '务工地点', '联系电话', '姓名', '务工地点', '联系电话'];

type Cell = string | number | Date | null;

function row(o: { n: number; name: string; sex: Cell; birth: Cell; id: Cell; phone?: string; remark?: string }): Cell[] {
  return [
    o.n, o.name, o.sex, '汉族', o.birth, o.id, '是', '农业户口', '仙桥街道东山村', '健康', '小学',
    '林大海', '广东省深圳市', '13800138000', '陈秀英', '广东省东莞市', '13900139000',
    '是', '否', '是', '祖辈监护', '监护情况较好', '较好',
    '林阿婆', o.phone ?? '13700137000', '祖母', '仙桥街道', '东山村', o.remark ?? '',
  ];
}

/** Expected outcome per Excel row number. */
export const EXPECTED = {
  newRows: [5, 6, 9, 13],
  updateRow: 12,
  blankRow: 7,
  damagedRow: 8,
  duplicateRow: 10,
  duplicateOf: 5,
  badCheckRow: 11,
};

export async function messyLedgerXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('留守儿童台账');
  ws.addRow(['仙桥街道农村留守儿童信息台账']);
  ws.mergeCells('A1:AC1');
  ws.addRow(['填报单位：仙桥街道办事处　　填报日期：2026年11月20日']);
  ws.mergeCells('A2:AC2');
  ws.addRow(TOP);
  ws.addRow(SUB);
  ws.mergeCells('L3:N3');
  ws.mergeCells('O3:Q3');
  for (let c = 1; c <= 29; c += 1) if (c < 12 || c > 17) ws.mergeCells(3, c, 4, c);

  // 5: Excel serial date (42065 = 2015-03-02), a plain number cell.
  ws.addRow(row({ n: 1, name: '林小明', sex: '男', birth: 42065, id: ID.a }));
  // 6: full-width digits in the ID number and phone, stray spaces, 2015.3.2-style date.
  ws.addRow(row({ n: 2, name: ' 陈 小 红 ', sex: '女 ', birth: '2014.7.15', id: ` ${FULL_WIDTH(ID.b)} `, phone: FULL_WIDTH('13700137001') }));
  // 7: blank.
  ws.addRow([]);
  // 8: an ID number typed into a number cell: Excel kept 15 digits.
  ws.addRow(row({ n: 3, name: '黄小龙', sex: '男', birth: '2013-01-09', id: Number(ID.c) }));
  // 9: 2012年12月1日.
  ws.addRow(row({ n: 4, name: '吴小凤', sex: '女', birth: '2012年12月1日', id: ID.d }));
  // 10: row 5 again.
  ws.addRow(row({ n: 5, name: '林小明', sex: '男', birth: '2015-03-02', id: ID.a }));
  // 11: a wrong check character.
  ws.addRow(row({ n: 6, name: '郑小华', sex: '女', birth: '2015-06-18', id: ID.badCheck }));
  // 12: a child already in the ledger; the guardian's phone changed.
  ws.addRow(row({ n: 7, name: '许小军', sex: '男', birth: '2016-05-20', id: ID.held, phone: '13700137999' }));
  // 13: a JS Date (date-formatted cell), no sex (filled from the ID number).
  ws.addRow(row({ n: 8, name: '蔡小玲', sex: null, birth: new Date(Date.UTC(2015, 5, 18)), id: good }));
  const buf = await wb.xlsx.writeBuffer();
  return Buffer.from(buf as ArrayBuffer);
}

export const GOOD_EXTRA_ID = good;

/** The record the ledger already holds for row 12 (same values as the row, but another guardian phone). */
export function heldRecord(): Record<string, unknown> {
  return {
    child: {
      name: '许小军', sex: '1', ethnicity: '01', birthDate: '2016-05-20', idNumber: ID.held, hukouRegistered: true,
      householdType: 'rural', currentAddress: '仙桥街道东山村', health: 'healthy', schooling: 'primary',
    },
    father: { name: '林大海', workProvince: '440000', workCity: '深圳市', phone: '13800138000' },
    mother: { name: '陈秀英', workProvince: '440000', workCity: '东莞市', phone: '13900139000' },
    guardianship: {
      bothParentsAway: true, oneAwayOtherIncapable: false, hasEntrustedGuardian: true, guardianKind: 'grandparents',
      guardianshipType: 'good', assessment: 'good',
    },
    entrustedGuardian: { name: '林阿婆', phone: '13700137000', relationship: 'grandmother' },
    responsibility: { township: '仙桥街道', village: '东山村' },
    remarks: '',
  };
}
