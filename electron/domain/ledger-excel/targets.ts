// What a spreadsheet column can be imported into, and the headers township ledgers use for it. One target per column
// of the national form (some hold two fields, e.g. 残疾类别及等级) plus the single fields other ledgers split out.
import { childFieldLabels, ledgerExtraColumns, nationalFormColumns, type ChildFieldPath } from '../../contract/schemas/child';
import { toHalfWidth } from '../ledger/halfwidth';

export interface ImportTarget {
  key: string;
  label: string;
  fields: readonly ChildFieldPath[];
  /** Header spellings (normalised on lookup). */
  headers: readonly string[];
}

const PERSONS: Array<{ prefix: string; names: string[] }> = [
  { prefix: 'father', names: ['父亲', '父'] },
  { prefix: 'mother', names: ['母亲', '母'] },
  { prefix: 'entrustedGuardian', names: ['委托监护人', '受委托监护人', '监护人', '实际监护人'] },
  { prefix: 'grandparents.paternalGrandfather', names: ['祖父', '爷爷'] },
  { prefix: 'grandparents.paternalGrandmother', names: ['祖母', '奶奶'] },
  { prefix: 'grandparents.maternalGrandfather', names: ['外祖父', '外公'] },
  { prefix: 'grandparents.maternalGrandmother', names: ['外祖母', '外婆'] },
];

// A person's attributes as headers write them, e.g. under a merged 父亲 cell: 姓名 / 务工地点 / 联系电话.
const ATTRIBUTES: Record<string, string[]> = {
  name: ['姓名', '名字'],
  birthDate: ['出生日期', '出生年月', '出生年月日'],
  idNumber: ['身份证号码', '身份证号', '公民身份证号码', '公民身份号码', '身份证'],
  phone: ['联系电话', '电话', '手机', '手机号码', '联系方式', '电话号码'],
  workPlace: ['当前务工地点', '务工地点', '外出务工地点', '务工地', '务工地址'],
  workProvince: ['务工地点(省)', '务工省份'],
  workCity: ['务工地点(市)', '务工城市'],
  address: ['居住地地址', '居住地址', '住址', '现住址'],
};

const personHeaders = (prefix: string, attribute: string) => {
  const person = PERSONS.find((p) => p.prefix === prefix)!;
  return person.names.flatMap((n) => (ATTRIBUTES[attribute] ?? []).map((a) => n + a));
};

/** Extra spellings for single-field targets, keyed by field path. */
const SYNONYMS: Partial<Record<ChildFieldPath, string[]>> = {
  'child.name': ['姓名', '儿童姓名', '留守儿童姓名', '学生姓名'],
  'child.birthDate': ['出生日期', '出生年月', '出生年月日', '儿童出生日期'],
  'child.idNumber': ['身份证号', '身份证号码', '公民身份号码', '公民身份证号码', '儿童身份证号码', '身份证', '证件号码'],
  'child.hukouRegistered': ['是否登记户口', '是否有户口', '户口登记情况'],
  'child.householdType': ['户籍性质', '户口性质', '户籍类型', '户口类型'],
  'child.hukouAddress': ['户籍所在地', '户籍地址', '户口所在地', '户籍地'],
  'child.currentAddress': ['现居住地', '现住址', '家庭住址', '居住地址', '现居住地址', '家庭地址'],
  'child.health': ['身体情况', '健康状况', '身体状况', '健康情况'],
  'child.illnessType': ['患病类型', '疾病类型', '患病情况'],
  'child.boarding': ['是否学校寄宿', '是否寄宿', '寄宿情况'],
  'child.schooling': ['就学情况', '就读情况', '在学情况', '就学状态', '学段'],
  'child.school': ['就读学校', '学校', '学校名称', '所在学校'],
  'child.grade': ['年级', '就读年级', '班级'],
  'guardianship.bothParentsAway': ['父母双方同时外出', '父母双方外出', '父母均外出'],
  'guardianship.oneAwayOtherIncapable': ['父母一方外出、另一方无监护能力', '父母一方外出另一方无监护能力'],
  'guardianship.incapableParent': ['无监护能力(父亲/母亲)', '无监护能力的一方', '无监护能力'],
  'guardianship.hasEntrustedGuardian': ['父母外出有无委托其他监护人', '有无委托监护人', '是否委托监护'],
  'guardianship.guardianKind': ['监护人类型', '监护方式', '监护人类别'],
  'guardianship.assessment': ['监护情况评估', '监护评估', '监护状况评估'],
  'entrustedGuardian.phone': ['监护人电话', '联系电话', '监护人联系电话'],
  'entrustedGuardian.relationship': ['与被监护人关系', '与儿童关系', '监护人与儿童关系', '与留守儿童关系'],
  'income.povertyStatus': ['贫困状况', '是否贫困户'],
  'responsibility.township': ['乡镇(街道)', '乡镇', '镇街', '镇(街道)', '所属乡镇', '所属镇街', '所属镇(街道)', '乡镇街道', '镇'],
  'responsibility.village': ['村(居)', '村居', '村(社区)', '村委会', '村', '所属村(居)', '行政村', '村(居)委会'],
  'responsibility.supervisorPhone': ['儿童督导员电话', '督导员电话'],
  'responsibility.directorPhone': ['儿童主任电话'],
  riskLevel: ['风险等级', '风险级别'],
  'status.state': ['儿童状态', '状态', '在册状态'],
  'status.date': ['退出(转出)日期', '退出日期', '转出日期'],
};

const COLUMN_SYNONYMS: Record<string, string[]> = {
  'child.disabilityCategory+child.disabilityGrade': ['残疾类别及等级', '残疾类别和等级', '残疾情况'],
  'income.sources+income.sourcesOther': ['家庭经济来源', '经济来源'],
  'income.assistance+income.assistanceOther': ['救助帮扶情况', '享受救助', '救助情况', '享受救助情况'],
  'guardianship.entrustmentSigned+guardianship.entrustmentDate': ['是否签订委托监护责任确认书', '委托监护责任确认书签订情况'],
  'responsibility.supervisorName+responsibility.supervisorPhone': ['儿童督导员', '督导员'],
  'responsibility.directorName+responsibility.directorPhone': ['儿童主任'],
};

function build(): ImportTarget[] {
  const out = new Map<string, ImportTarget>();
  const add = (fields: readonly ChildFieldPath[], label: string, headers: string[]) => {
    const key = fields.join('+');
    const had = out.get(key);
    if (had) out.set(key, { ...had, headers: [...had.headers, ...headers] });
    else out.set(key, { key, label, fields, headers: [label, ...headers] });
  };
  for (const column of [...nationalFormColumns, ...ledgerExtraColumns]) {
    const key = column.fields.join('+');
    const person = column.fields.length === 1 ? personAttribute(column.fields[0]!) : undefined;
    const workPlace = /^(father|mother)\.workProvince\+\1\.workCity$/.exec(key);
    add(column.fields, column.header, [
      ...(COLUMN_SYNONYMS[key] ?? []),
      ...(column.fields.length === 1 ? (SYNONYMS[column.fields[0]!] ?? []) : []),
      ...(person ? personHeaders(person.prefix, person.attribute) : []),
      ...(workPlace ? personHeaders(workPlace[1]!, 'workPlace') : []),
    ]);
  }
  // Single fields that the national form shows combined, or not at all.
  for (const path of Object.keys(childFieldLabels) as ChildFieldPath[]) {
    if ([...out.values()].some((t) => t.fields.length === 1 && t.fields[0] === path)) continue;
    if (path === 'father.deceased' || path === 'mother.deceased') continue;
    const person = personAttribute(path);
    add([path], childFieldLabels[path], [
      ...(SYNONYMS[path] ?? []),
      ...(person ? personHeaders(person.prefix, person.attribute) : []),
    ]);
  }
  return [...out.values()];
}

function personAttribute(path: ChildFieldPath): { prefix: string; attribute: string } | undefined {
  const dot = path.lastIndexOf('.');
  const prefix = path.slice(0, dot);
  const attribute = path.slice(dot + 1);
  return PERSONS.some((p) => p.prefix === prefix) && attribute in ATTRIBUTES ? { prefix, attribute } : undefined;
}

export const importTargets: readonly ImportTarget[] = build();
export const targetByKey: ReadonlyMap<string, ImportTarget> = new Map(importTargets.map((t) => [t.key, t]));

/** A header as compared: half-width, no spaces or line breaks, no required-field stars or trailing colon. */
export function normaliseHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/[*＊]/g, '')
    .replace(/[:：]$/, '')
    .replace(/\(可多选\)|\(多选\)|\(单选\)/g, '');
}

const byHeader: Map<string, string> = (() => {
  const map = new Map<string, string>();
  // First spelling wins: the national form's own headers come first, so they keep their meaning.
  for (const t of importTargets) {
    for (const h of t.headers) {
      const n = normaliseHeader(h);
      if (!map.has(n)) map.set(n, t.key);
    }
  }
  return map;
})();

/** The target a header names, if any: exact spelling first, then without a bracketed note (乡镇（街道） → 乡镇). */
export function targetForHeader(header: string): string | undefined {
  const n = normaliseHeader(header);
  if (n === '') return undefined;
  return byHeader.get(n) ?? byHeader.get(n.replace(/\([^)]*\)/g, ''));
}

/** Excel's column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
