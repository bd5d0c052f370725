// One small township ledger, the source of the committed fixtures in tests/fixtures/ledger-excel/ (the same sheet
// saved by LibreOffice as .xlsx, .xls, .ods and .csv). Written here with exceljs: a merged title row, a two-level
// header, date cells with a yyyy-mm-dd format (so the CSV shows them as dates too), ID numbers and phones as text,
// and text that CSV must quote (comma, quote, line break) or GBK cannot hold (𠮷, a 4-byte character).
import ExcelJS from 'exceljs';
import { makeIdNumber } from '../../electron/domain/ledger/id-number';

type Cell = string | number | Date | null;

export const FORMAT_TOP: Cell[] = [
  '序号', '姓名', '性别', '民族', '出生日期', '身份证号码', '是否登记户口', '户籍性质', '现居住地', '身体情况', '就学情况',
  '父亲', null, null, '母亲', null, null,
  '父母双方外出', '父母一方外出另一方无监护能力', '有无委托监护人', '监护人类型', '监护类型', '监护情况评估',
  '委托监护人姓名', '委托监护人电话', '与被监护人关系', '乡镇（街道）', '村（居）', '备注',
];
export const FORMAT_SUB: Cell[] = [null, null, null, null, null, null, null, null, null, null, null, '姓名', '务工地点', '联系电话', '姓名', '务工地点', '联系电话'];

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

interface Kid {
  name: string;
  sex: '男' | '女';
  birth: string;
  seq: number;
  township: string;
  village: string;
  remark: string;
}
const KIDS: Kid[] = [
  { name: '林晓明', sex: '男', birth: '2015-03-02', seq: 11, township: '仙桥街道', village: '东山村', remark: '' },
  { name: '陈思琪', sex: '女', birth: '2014-07-15', seq: 22, township: '仙桥街道', village: '西岭村', remark: '祖母年迈，需重点关注，每月走访' },
  { name: '黄梓轩', sex: '男', birth: '2013-01-09', seq: 33, township: '梅云街道', village: '南溪村', remark: '住址：“老屋”, 后座' },
  { name: '吴雨萱', sex: '女', birth: '2012-12-01', seq: 44, township: '梅云街道', village: '北坑村', remark: '第一行\n第二行' },
  { name: '郑浩然', sex: '男', birth: '2016-05-20', seq: 55, township: '东升街道', village: '𠮷祥村', remark: '村名含生僻字𠮷' },
  { name: '许嘉怡', sex: '女', birth: '2011-09-30', seq: 66, township: '东升街道', village: '龙尾村', remark: '' },
];

export const FORMAT_TITLE = '仙桥街道农村留守儿童信息台账';
export const FORMAT_ID_NUMBERS = KIDS.map((k) => makeIdNumber('445202', k.birth, k.seq));

/** Every row as written, from row 1 (title) on; data rows start at row 4. */
export function formatLedgerRows(): Cell[][] {
  const rows: Cell[][] = [[FORMAT_TITLE], FORMAT_TOP, FORMAT_SUB];
  KIDS.forEach((k, i) => {
    rows.push([
      i + 1, k.name, k.sex, '汉族', day(k.birth), FORMAT_ID_NUMBERS[i]!, '是', '农村户籍', `${k.township}${k.village}`, '健康', '小学',
      `${k.name.slice(0, 1)}大海`, '广东省深圳市', `1380013800${i}`, '陈秀英', '广东省东莞市', `1390013900${i}`,
      '是', '否', '是', '祖辈监护', '监护情况较好', '较好',
      '林阿婆', `1370013700${i}`, '祖母', k.township, k.village, k.remark,
    ]);
  });
  return rows;
}

export async function formatLedgerXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('留守儿童台账');
  for (const r of formatLedgerRows()) ws.addRow(r);
  ws.mergeCells('A1:AC1');
  ws.mergeCells('L2:N2');
  ws.mergeCells('O2:Q2');
  for (let c = 1; c <= 29; c += 1) if (c < 12 || c > 17) ws.mergeCells(2, c, 3, c);
  ws.getColumn(5).numFmt = 'yyyy-mm-dd';
  for (const c of [6, 14, 17, 25]) ws.getColumn(c).numFmt = '@';
  for (let r = 4; r <= 3 + KIDS.length; r += 1) ws.getCell(r, 5).numFmt = 'yyyy-mm-dd';
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
