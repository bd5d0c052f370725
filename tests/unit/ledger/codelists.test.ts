import ledgerJson from '../../../assets/codelists/ledger.json';
import { AppError } from '../../../electron/contract/errors';
import { CODE_LIST_KEYS, codeForLabel, codeLabel, hasCode, loadCodeLists } from '../../../electron/domain/ledger/codelists';

const labels = (key: (typeof CODE_LIST_KEYS)[number]) => loadCodeLists(ledgerJson).lists[key].items.map((i) => i.label);

describe('shipped code lists', () => {
  const lists = loadCodeLists(ledgerJson);

  it('load, with every list present and no conflicts', () => {
    expect(Object.keys(lists.lists).sort()).toEqual([...CODE_LIST_KEYS].sort());
    expect(lists.conflicts).toEqual([]);
    expect(lists.version).toBe(1);
  });

  it('have unique codes and labels within each list, and no office prefix', () => {
    for (const key of CODE_LIST_KEYS) {
      const items = lists.lists[key].items;
      expect(new Set(items.map((i) => i.code)).size).toBe(items.length);
      expect(new Set(items.map((i) => i.label)).size).toBe(items.length);
      expect(items.every((i) => !i.code.startsWith('x-') && !i.office)).toBe(true);
    }
  });

  it('list the 56 ethnic groups with GB/T 3304 codes', () => {
    const items = lists.lists.ethnicity.items;
    expect(items).toHaveLength(56);
    expect(items[0]).toEqual({ code: '01', label: '汉族' });
    expect(items[55]).toEqual({ code: '56', label: '基诺族' });
    expect(codeLabel(lists, 'ethnicity', '08')).toBe('壮族');
  });

  it('hold the enumerations of the national form and of the office', () => {
    expect(labels('guardianKind')).toEqual(['祖辈监护', '亲友监护', '父母一方监护', '无人监护']);
    expect(labels('guardianshipType')).toEqual(['无人监护', '父或母无监护能力', '受委托监护人监护能力不足', '监护情况一般', '监护情况较好']);
    expect(labels('guardianshipAssessment')).toEqual(['较好', '一般', '差']);
    expect(labels('schooling')).toEqual(['未入园', '幼儿园', '小学', '初中', '高中', '中职', '辍学', '不在学']);
    expect(labels('healthStatus')).toEqual(['健康', '残疾', '患病']);
    expect(labels('childStatus')).toEqual(['在册', '已退出', '已转出', '已合并']);
    expect(labels('exitReason')).toEqual([
      '年满16周岁', '父母返乡', '另一方恢复监护能力', '随父母生活', '户籍非农', '转为孤儿或事实无人抚养儿童', '死亡', '其他',
    ]);
    expect(labels('reporterType')).toEqual([
      '学校', '幼儿园', '医疗机构', '村（居）委会', '社会工作服务机构', '救助管理机构', '福利机构', '其他',
    ]);
    expect(labels('placement')).toEqual(['亲属', '村（居）委会', '救助管理机构', '儿童福利机构', '其他']);
    expect(labels('incomeSource')).toEqual(['打工收入', '种养殖业', '政府救助', '亲朋接济', '其他']);
    expect(labels('assistance')).toEqual(['低保', '临时救助', '医疗救助', '住房救助', '其他救助']);
    expect(lists.lists.province.items).toHaveLength(34);
  });

  it('mark the multi-choice lists', () => {
    expect(lists.lists.incomeSource.multi).toBe(true);
    expect(lists.lists.assistance.multi).toBe(true);
    expect(lists.lists.sex.multi).toBeUndefined();
  });

  it('say which risk colours are verified', () => {
    expect(labels('riskLevel')).toEqual(['红色', '橙色', '黄色', '蓝色']);
    expect(lists.lists.riskLevel.note).toMatch(/仅红色.*黄色.*核实/);
  });

  it('look codes up both ways', () => {
    expect(hasCode(lists, 'sex', '1')).toBe(true);
    expect(hasCode(lists, 'sex', '男')).toBe(false);
    expect(codeForLabel(lists, 'schooling', ' 初中 ')).toBe('junior');
    expect(codeForLabel(lists, 'schooling', '大学')).toBeUndefined();
  });
});

describe('office additions', () => {
  it('are added after the shipped items and marked as the office’s', () => {
    const lists = loadCodeLists(ledgerJson, { supportMeasureType: [{ code: 'x-tutor', label: '课后托管' }] });
    const items = lists.lists.supportMeasureType.items;
    expect(items[items.length - 1]).toEqual({ code: 'x-tutor', label: '课后托管', office: true });
    expect(lists.conflicts).toEqual([]);
  });

  it('cannot relabel or replace a shipped code', () => {
    const lists = loadCodeLists(ledgerJson, { schooling: [{ code: 'primary', label: '小学部' }] });
    expect(codeLabel(lists, 'schooling', 'primary')).toBe('小学');
    expect(lists.conflicts).toEqual([{ list: 'schooling', code: 'primary', reason: '代码已用于「小学」，不能改名或重复增补' }]);
  });

  it('need the office prefix, a known list and a new label', () => {
    const lists = loadCodeLists(ledgerJson, {
      schooling: [{ code: 'college', label: '大学' }, { code: 'x-junior', label: '初中' }],
      pets: [{ code: 'x-cat', label: '猫' }],
    });
    expect(lists.conflicts.map((c) => c.code)).toEqual(['college', 'x-junior', 'x-cat']);
    expect(hasCode(lists, 'schooling', 'college')).toBe(false);
  });

  it('cannot remove anything: a list given empty keeps its items', () => {
    const lists = loadCodeLists(ledgerJson, { exitReason: [] });
    expect(lists.lists.exitReason.items).toHaveLength(8);
  });

  it('are ignored as a whole when malformed, without stopping the load', () => {
    const lists = loadCodeLists(ledgerJson, { schooling: 'nonsense' });
    expect(lists.conflicts).toHaveLength(1);
    expect(lists.lists.schooling.items).toHaveLength(8);
  });

  it('do not leak into another load', () => {
    loadCodeLists(ledgerJson, { schooling: [{ code: 'x-home', label: '在家教育' }] });
    expect(hasCode(loadCodeLists(ledgerJson), 'schooling', 'x-home')).toBe(false);
  });
});

describe('a damaged shipped file', () => {
  it('is refused with a Chinese message', () => {
    expect(() => loadCodeLists({ version: 1, lists: {} })).toThrow(AppError);
    expect(() => loadCodeLists('garbage')).toThrow('程序自带的代码表已损坏，请重新安装本程序。');
    const dup = structuredClone(ledgerJson);
    dup.lists.sex.items.push({ code: '1', label: '未知' });
    expect(() => loadCodeLists(dup)).toThrow(/重复/);
  });
});
