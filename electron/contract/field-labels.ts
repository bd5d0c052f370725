// Chinese names of argument fields, for messages that must say which field is wrong. A ledger record's paths use
// the national form's labels; other channels' keys use the common words below. A key with no label here is left
// unnamed in the message (the form still shows the message next to the field): a program name is never shown.
import { childFieldLabels } from './schemas/child';

const CHILD_GROUPS: Readonly<Record<string, string>> = {
  child: '儿童基本情况',
  father: '父亲情况',
  mother: '母亲情况',
  grandparents: '祖辈情况',
  guardianship: '实际监护情况',
  entrustedGuardian: '委托监护人',
  responsibility: '责任人',
  status: '儿童状态',
  income: '家庭经济情况',
};

const COMMON: Readonly<Record<string, string>> = {
  id: '编号',
  childId: '儿童',
  childIds: '儿童',
  name: '名称',
  title: '标题',
  text: '内容',
  note: '说明',
  remarks: '备注',
  date: '日期',
  time: '时间',
  deadline: '完成时限',
  place: '地点',
  description: '情况描述',
  phone: '联系电话',
  idNumber: '身份证号码',
  township: '乡镇（街道）',
  village: '村（居）',
  reason: '原因',
  visitor: '走访人',
  findings: '走访发现',
  nextDue: '下次走访日期',
  assessor: '评估人',
  safety: '安全情况',
  riskLevel: '风险等级',
  provider: '帮扶单位',
  type: '类型',
  kind: '类别',
  label: '名称',
  list: '代码表',
  search: '查找内容',
  query: '查找内容',
  offset: '起始位置',
  limit: '条数',
  period: '统计期间',
  from: '起始日期',
  to: '截止日期',
  unitId: '成员单位',
  leadUnitId: '牵头单位',
  coUnitIds: '配合单位',
  personName: '姓名',
  post: '职务',
  duty: '职责',
  outcome: '办理结果',
  final: '是否最终报告',
  fingerprint: '指纹',
  folder: '文件夹',
  fileName: '文件名',
  data: '文件内容',
  full: '完整导出',
  visitPeriodDays: '走访周期',
  turning16Days: '满16周岁提前提醒天数',
  reporterName: '报告人姓名',
  reporterPhone: '报告人电话',
  reporterUnit: '报告人单位',
  reporterType: '报告人类别',
  situations: '报告情形',
  reportedAt: '报告时间',
  officer: '经办民警',
  station: '派出所',
  measures: '措施',
  placement: '安置方式',
  chairName: '主持人',
  chairTitle: '主持人职务',
  issuer: '签发人',
  number: '文号',
  mark: '标记',
  people: '人员',
  sendTo: '分送单位',
  copyTo: '抄送单位',
  level: '级别',
  code: '代码',
  keepId: '保留的档案',
  mergeId: '并入的档案',
};

const isIndex = (p: PropertyKey) => typeof p === 'number' || /^\d+$/.test(String(p));

/** The Chinese label of an argument path, or undefined when none is known. */
export function fieldLabel(path: readonly PropertyKey[]): string | undefined {
  const keys = path.filter((p) => !isIndex(p)).map(String);
  if (keys.length === 0) return undefined;
  // A child record, whether the argument is the record itself or wrapped as { record }.
  const inRecord = keys[0] === 'record' ? keys.slice(1) : keys;
  const joined = inRecord.join('.');
  if (joined in childFieldLabels) return childFieldLabels[joined as keyof typeof childFieldLabels];
  if (inRecord.length === 1 && inRecord[0]! in CHILD_GROUPS && keys[0] === 'record') return CHILD_GROUPS[inRecord[0]!];
  const last = keys[keys.length - 1]!;
  return COMMON[last] ?? (keys.length === 1 ? CHILD_GROUPS[last] : undefined);
}

/** A label for a ledger path as the import names it ('guardianship' → 实际监护情况), never the key itself. */
export function childPathLabel(path: string): string {
  return childFieldLabels[path as keyof typeof childFieldLabels] ?? CHILD_GROUPS[path.split('.')[0]!] ?? '该项';
}
