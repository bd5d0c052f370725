// A merged title row is a title (not a header's upper level); a column's field is chosen by its values when its
// header names a field whose list the values do not belong to.
import type { ImportColumn } from '../../../electron/contract/schemas/ledger-excel';
import { detectHeader } from '../../../electron/domain/ledger-excel/header';
import type { Cell, SheetRow } from '../../../electron/domain/ledger-excel/read-sheet';
import { refineByValues } from '../../../electron/domain/ledger-excel/value-match';
import { shippedCodeLists as lists } from '../../../electron/domain/ledger/shipped-codelists';

const rows = (...r: Cell[][]): SheetRow[] => r.map((cells, i) => ({ number: i + 1, cells }));

describe('title rows', () => {
  it('a single-level header right under a merged title is read alone, not as "title · 姓名"', () => {
    const h = detectHeader(
      rows(['仙桥街道农村留守儿童花名册'], ['序号', '姓名', '性别', '身份证号码', '所属镇街'], [1, '林小明', '男', '445202201503020113', '仙桥街道']),
    )!;
    expect(h.headerRows).toEqual([2]);
    expect(h.dataStartIndex).toBe(2);
    expect(h.columns[1]).toMatchObject({ header: '姓名', memoryKey: '姓名', recognised: 'child.name' });
  });

  it('a real two-level header below the title keeps both levels', () => {
    const h = detectHeader(
      rows(['花名册'], ['姓名', '身份证号码', '父亲', null, '镇街'], [null, null, '姓名', '联系电话', null], ['林小明', '445202201503020113', '林大海', '13800138000', '仙桥街道']),
    )!;
    expect(h.headerRows).toEqual([2, 3]);
    expect(h.columns.map((c) => c.recognised)).toEqual(['child.name', 'child.idNumber', 'father.name', 'father.phone', 'responsibility.township']);
  });
});

describe('columns chosen by their values', () => {
  const column = (target: string, how: ImportColumn['how'] = 'recognised'): ImportColumn => ({
    index: 0, letter: 'H', header: '监护类型', target, how, samples: [],
  });
  const data = (...values: string[]) => values.map((v, i) => ({ number: 5 + i, cells: [v] }));

  it('监护类型 holding 祖辈监护 / 亲友监护 / 父母一方监护 / 无人监护 is 监护人类型, with the reason in words', () => {
    const c = column('guardianship.guardianshipType');
    refineByValues([c], data('祖辈监护', '亲友监护', '父母一方监护', '无人监护', '祖辈监护'), lists);
    expect(c).toMatchObject({ target: 'guardianship.guardianKind', how: 'values' });
    expect(c.reason).toBe('按列中的值判断为“监护人类型”：列中填的是“祖辈监护”“亲友监护”等，属于“监护人类型”的选项，而不是表头所指的“监护类型”');
  });

  it('keeps the header when the values fit it, are too few, or the clerk chose the field', () => {
    const fits = column('guardianship.guardianshipType');
    refineByValues([fits], data('监护情况较好', '监护情况一般', '无人监护'), lists);
    expect(fits.how).toBe('recognised');
    const few = column('guardianship.guardianshipType');
    refineByValues([few], data('祖辈监护', '亲友监护'), lists);
    expect(few.how).toBe('recognised');
    const chosen = column('guardianship.guardianshipType', 'chosen');
    refineByValues([chosen], data('祖辈监护', '亲友监护', '祖辈监护'), lists);
    expect(chosen.target).toBe('guardianship.guardianshipType');
  });

  it('does not take a field another column already provides', () => {
    const c = column('guardianship.guardianshipType');
    const other: ImportColumn = { index: 1, letter: 'I', header: '监护人类型', target: 'guardianship.guardianKind', how: 'recognised', samples: [] };
    refineByValues([c, other], data('祖辈监护', '亲友监护', '祖辈监护'), lists);
    expect(c.target).toBe('guardianship.guardianshipType');
  });
});
