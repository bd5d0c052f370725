// THE child record (一人一档, the 2016 national registration form plus the office's own fields). One schema serves
// the form in the renderer, the handler that saves, and spreadsheet import, so a record is judged the same way
// everywhere. Pure: zod and the ledger's domain functions only (the renderer imports this module as a value).
//
// Values are normalised on the way in (ID numbers upper-cased and half-width, phones canonical, loose dates as
// 'YYYY-MM-DD'); enumerations hold codes from assets/codelists/ledger.json, checked against the lists in force.
// Messages never repeat the value entered: field errors can reach error data, and these values are personal data.
import { z } from 'zod';
import './zod-messages';
import type { Result } from '../errors';
import { codeLabel, hasCode, type CodeListKey, type CodeLists } from '../../domain/ledger/codelists';
import { shippedCodeLists } from '../../domain/ledger/shipped-codelists';
import { isoDateOf, isIsoDate, parseLooseDate } from '../../domain/ledger/dates';
import { normaliseIdNumber, parseIdNumber } from '../../domain/ledger/id-number';
import { parsePhone } from '../../domain/ledger/phone';
import { conditionalRequirements, nestedGetter } from '../../domain/ledger/completeness';

/** Written in every field of a deceased parent or grandparent, as the national form asks (划"—"). */
export const DECEASED_MARK = '—';
const DASH_ONLY = /^[—–―‒\-－]+$/;

export const childFieldLabels = {
  'child.name': '姓名',
  'child.sex': '性别',
  'child.ethnicity': '民族',
  'child.birthDate': '出生日期',
  'child.idNumber': '身份证号码',
  'child.hukouRegistered': '是否登记户口',
  'child.householdType': '户籍性质',
  'child.hukouAddress': '户籍所在地',
  'child.currentAddress': '现居住地',
  'child.health': '身体情况',
  'child.disabilityCategory': '残疾类别',
  'child.disabilityGrade': '残疾等级',
  'child.illnessType': '患病类型',
  'child.boarding': '是否学校寄宿',
  'child.schooling': '就学情况',
  'child.school': '就读学校',
  'child.grade': '年级',
  'father.name': '父亲姓名',
  'father.deceased': '父亲已去世',
  'father.birthDate': '父亲出生日期',
  'father.idNumber': '父亲身份证号码',
  'father.workProvince': '父亲务工地点（省）',
  'father.workCity': '父亲务工地点（市）',
  'father.phone': '父亲联系电话',
  'mother.name': '母亲姓名',
  'mother.deceased': '母亲已去世',
  'mother.birthDate': '母亲出生日期',
  'mother.idNumber': '母亲身份证号码',
  'mother.workProvince': '母亲务工地点（省）',
  'mother.workCity': '母亲务工地点（市）',
  'mother.phone': '母亲联系电话',
  'grandparents.paternalGrandfather.name': '祖父姓名',
  'grandparents.paternalGrandfather.birthDate': '祖父出生日期',
  'grandparents.paternalGrandmother.name': '祖母姓名',
  'grandparents.paternalGrandmother.birthDate': '祖母出生日期',
  'grandparents.maternalGrandfather.name': '外祖父姓名',
  'grandparents.maternalGrandfather.birthDate': '外祖父出生日期',
  'grandparents.maternalGrandmother.name': '外祖母姓名',
  'grandparents.maternalGrandmother.birthDate': '外祖母出生日期',
  'guardianship.bothParentsAway': '父母双方外出',
  'guardianship.oneAwayOtherIncapable': '父母一方外出、另一方无监护能力',
  'guardianship.incapableParent': '无监护能力的一方',
  'guardianship.incapacityReason': '无监护能力的原因',
  'guardianship.hasEntrustedGuardian': '有无委托监护人',
  'guardianship.guardianKind': '监护人类型',
  'guardianship.guardianshipType': '监护类型',
  'guardianship.assessment': '监护情况评估',
  'guardianship.entrustmentSigned': '已签订委托监护责任确认书',
  'guardianship.entrustmentDate': '确认书签订日期',
  'entrustedGuardian.name': '委托监护人姓名',
  'entrustedGuardian.phone': '委托监护人电话',
  'entrustedGuardian.idNumber': '委托监护人身份证号码',
  'entrustedGuardian.relationship': '与被监护人关系',
  'entrustedGuardian.address': '委托监护人居住地址',
  'income.sources': '家庭经济来源',
  'income.sourcesOther': '其他经济来源',
  'income.assistance': '享受救助',
  'income.assistanceOther': '其他救助',
  'income.povertyStatus': '贫困状况',
  'responsibility.township': '乡镇（街道）',
  'responsibility.village': '村（居）',
  'responsibility.supervisorName': '儿童督导员',
  'responsibility.supervisorPhone': '儿童督导员电话',
  'responsibility.directorName': '儿童主任',
  'responsibility.directorPhone': '儿童主任电话',
  riskLevel: '风险等级',
  'status.state': '儿童状态',
  'status.reason': '退出原因',
  'status.date': '退出（转出）日期',
  'status.transferTo': '转往单位',
  'status.note': '情况说明',
  remarks: '备注',
} as const;

export type ChildFieldPath = keyof typeof childFieldLabels;

export interface ChildSchemaOptions {
  /** Today as 'YYYY-MM-DD', read at each validation (a function, so a long-running app never goes stale). */
  today: () => string;
  /** The code lists in force: the shipped ones plus the office's additions. */
  codeLists: CodeLists;
}

/**
 * How strict the schema is about empty fields. 'complete' (the default) is the national form: every required field
 * filled. 'incomplete' takes a 待完善 record as it is: required fields may be empty (and stay empty: an unanswered
 * 是/否 is left unset, not made 否), but what is filled is checked exactly as strictly, contradictions included.
 */
type Strictness = 'complete' | 'incomplete';

type Issues = { issues: unknown[] };
const issueAt = (ctx: Issues, input: unknown, message: string) =>
  // `continue` keeps the record-level checks running, so the form shows every problem at once.
  ctx.issues.push({ code: 'custom', message, input, continue: true });

const label = (path: ChildFieldPath) => childFieldLabels[path];

/** A raw value as it arrives from a form (string) or a spreadsheet cell (number, Date). */
const cellValue = (path: ChildFieldPath) =>
  z.union([z.string(), z.number(), z.date()], { error: `${label(path)}格式不正确` });

interface TextOptions {
  dash?: boolean;
}

function textPipe(path: ChildFieldPath, max: number, required: boolean, opts: TextOptions) {
  return z.string({ error: `请填写${label(path)}` }).transform((raw, ctx) => {
    const v = raw.trim();
    if (opts.dash && DASH_ONLY.test(v)) return DECEASED_MARK;
    if (v === '' && required) issueAt(ctx, raw, `请填写${label(path)}`);
    if (v.length > max) issueAt(ctx, raw, `${label(path)}不能超过${max}个字`);
    return v;
  });
}
const text = (path: ChildFieldPath, max: number, opts: TextOptions = {}) => textPipe(path, max, false, opts).default('');
const requiredText = (path: ChildFieldPath, max: number) => textPipe(path, max, true, {});

function datePipe(path: ChildFieldPath, o: ChildSchemaOptions, required: boolean, opts: TextOptions) {
  return cellValue(path).transform((raw, ctx) => {
    const v = typeof raw === 'string' ? raw.trim() : raw;
    if (v === '') {
      if (required) issueAt(ctx, raw, `请填写${label(path)}`);
      return '';
    }
    if (opts.dash && typeof v === 'string' && DASH_ONLY.test(v)) return DECEASED_MARK;
    const r = parseLooseDate(v);
    if (!r.ok) {
      issueAt(ctx, raw, r.reason);
      return typeof v === 'string' ? v : '';
    }
    if (r.value > o.today()) issueAt(ctx, raw, `${label(path)}不能晚于今天`);
    return r.value;
  });
}
const dateField = (path: ChildFieldPath, o: ChildSchemaOptions, opts: TextOptions = {}) =>
  datePipe(path, o, false, opts).default('');
const requiredDate = (path: ChildFieldPath, o: ChildSchemaOptions) => datePipe(path, o, true, {});

function idField(path: ChildFieldPath, o: ChildSchemaOptions, opts: { dash?: boolean } = {}) {
  return cellValue(path)
    .transform((raw, ctx) => {
      if (raw instanceof Date) {
        issueAt(ctx, raw, `${label(path)}格式不正确`);
        return '';
      }
      if (typeof raw === 'string') {
        const v = raw.trim();
        if (v === '') return '';
        if (opts.dash && DASH_ONLY.test(v)) return DECEASED_MARK;
      }
      const r = parseIdNumber(raw, o.today());
      if (r.ok) return r.value;
      issueAt(ctx, raw, r.reason);
      return typeof raw === 'string' ? normaliseIdNumber(raw) : '';
    })
    .default('');
}

function phoneField(path: ChildFieldPath, opts: { dash?: boolean } = {}) {
  return cellValue(path)
    .transform((raw, ctx) => {
      if (raw instanceof Date) {
        issueAt(ctx, raw, `${label(path)}格式不正确`);
        return '';
      }
      if (typeof raw === 'string') {
        const v = raw.trim();
        if (v === '') return '';
        if (opts.dash && DASH_ONLY.test(v)) return DECEASED_MARK;
      }
      const r = parsePhone(raw);
      if (r.ok) return r.value;
      issueAt(ctx, raw, r.reason);
      return typeof raw === 'string' ? raw.trim() : '';
    })
    .default('');
}

function codePipe(path: ChildFieldPath, key: CodeListKey, o: ChildSchemaOptions, required: boolean) {
  return z.string({ error: `请选择${label(path)}` }).transform((raw, ctx) => {
    const v = raw.trim();
    if (v === '') {
      if (required) issueAt(ctx, raw, `请选择${label(path)}`);
    } else if (!hasCode(o.codeLists, key, v)) {
      issueAt(ctx, raw, `${label(path)}的选项无效，请重新选择`);
    }
    return v;
  });
}
const codeField = (path: ChildFieldPath, key: CodeListKey, o: ChildSchemaOptions) =>
  codePipe(path, key, o, false).default('');
const requiredCode = (path: ChildFieldPath, key: CodeListKey, o: ChildSchemaOptions) => codePipe(path, key, o, true);

function codesField(path: ChildFieldPath, key: CodeListKey, o: ChildSchemaOptions) {
  return z
    .array(z.string(), { error: `${label(path)}格式不正确` })
    .transform((raw, ctx) => {
      const codes = raw.map((c) => c.trim()).filter((c) => c !== '');
      if (codes.some((c) => !hasCode(o.codeLists, key, c))) issueAt(ctx, raw, `${label(path)}中有无效的选项，请重新选择`);
      return [...new Set(codes)];
    })
    .default([]);
}

const yesNo = (path: ChildFieldPath) => z.boolean({ error: `请选择${label(path)}` });
const flag = (path: ChildFieldPath) => yesNo(path).default(false);

/**
 * The incomplete variant of a required field, typed as the complete one so both schemas share one shape. Only the
 * four required 是/否 fields differ in their output (undefined when unanswered): IncompleteChildRecord says so.
 */
const loose = <Full, Loose>(s: Strictness, full: Full, relaxed: Loose): Full => (s === 'complete' ? full : (relaxed as unknown as Full));
const answer = (path: ChildFieldPath, s: Strictness) =>
  loose(s, yesNo(path), yesNo(path).nullish().transform((v) => v ?? undefined));
/** A section the form always sends but a spreadsheet may lack entirely: its fields' own defaults apply. */
const section = <T extends z.ZodType>(schema: T, s: Strictness): T => loose(s, schema, z.preprocess((v) => v ?? {}, schema));

function parentSchema(side: 'father' | 'mother', o: ChildSchemaOptions) {
  return z.object(
    {
      name: text(`${side}.name`, 50, { dash: true }),
      deceased: flag(`${side}.deceased`),
      birthDate: dateField(`${side}.birthDate`, o, { dash: true }),
      idNumber: idField(`${side}.idNumber`, o, { dash: true }),
      workProvince: text(`${side}.workProvince`, 20, { dash: true }),
      workCity: text(`${side}.workCity`, 50, { dash: true }),
      phone: phoneField(`${side}.phone`, { dash: true }),
    },
    { error: '父母信息格式不正确' },
  );
}

type GrandparentKey = 'paternalGrandfather' | 'paternalGrandmother' | 'maternalGrandfather' | 'maternalGrandmother';
function grandparentSchema(who: GrandparentKey, o: ChildSchemaOptions) {
  return z
    .object({
      name: text(`grandparents.${who}.name`, 50, { dash: true }),
      birthDate: dateField(`grandparents.${who}.birthDate`, o, { dash: true }),
    })
    .default({ name: '', birthDate: '' });
}

function shape(o: ChildSchemaOptions, s: Strictness) {
  const reqText = (path: ChildFieldPath, max: number) => loose(s, requiredText(path, max), text(path, max));
  const reqCode = (path: ChildFieldPath, key: CodeListKey) => loose(s, requiredCode(path, key, o), codeField(path, key, o));
  const reqDate = (path: ChildFieldPath) => loose(s, requiredDate(path, o), dateField(path, o));
  return {
    child: section(z.object(
      {
        name: reqText('child.name', 50),
        sex: reqCode('child.sex', 'sex'),
        ethnicity: reqCode('child.ethnicity', 'ethnicity'),
        birthDate: reqDate('child.birthDate'),
        idNumber: idField('child.idNumber', o),
        hukouRegistered: answer('child.hukouRegistered', s),
        householdType: reqCode('child.householdType', 'householdType'),
        hukouAddress: text('child.hukouAddress', 200),
        currentAddress: reqText('child.currentAddress', 200),
        health: reqCode('child.health', 'healthStatus'),
        disabilityCategory: codeField('child.disabilityCategory', 'disabilityCategory', o),
        disabilityGrade: codeField('child.disabilityGrade', 'disabilityGrade', o),
        illnessType: text('child.illnessType', 100),
        boarding: flag('child.boarding'),
        schooling: reqCode('child.schooling', 'schooling'),
        school: text('child.school', 100),
        grade: text('child.grade', 30),
      },
      { error: '儿童基本信息格式不正确' },
    ), s),
    father: section(parentSchema('father', o), s),
    mother: section(parentSchema('mother', o), s),
    grandparents: z
      .object({
        paternalGrandfather: grandparentSchema('paternalGrandfather', o),
        paternalGrandmother: grandparentSchema('paternalGrandmother', o),
        maternalGrandfather: grandparentSchema('maternalGrandfather', o),
        maternalGrandmother: grandparentSchema('maternalGrandmother', o),
      })
      .default({
        paternalGrandfather: { name: '', birthDate: '' },
        paternalGrandmother: { name: '', birthDate: '' },
        maternalGrandfather: { name: '', birthDate: '' },
        maternalGrandmother: { name: '', birthDate: '' },
      }),
    guardianship: section(z.object(
      {
        bothParentsAway: answer('guardianship.bothParentsAway', s),
        oneAwayOtherIncapable: answer('guardianship.oneAwayOtherIncapable', s),
        incapableParent: codeField('guardianship.incapableParent', 'parentSide', o),
        incapacityReason: text('guardianship.incapacityReason', 100),
        hasEntrustedGuardian: answer('guardianship.hasEntrustedGuardian', s),
        guardianKind: reqCode('guardianship.guardianKind', 'guardianKind'),
        guardianshipType: reqCode('guardianship.guardianshipType', 'guardianshipType'),
        assessment: reqCode('guardianship.assessment', 'guardianshipAssessment'),
        entrustmentSigned: flag('guardianship.entrustmentSigned'),
        entrustmentDate: dateField('guardianship.entrustmentDate', o),
      },
      { error: '监护情况格式不正确' },
    ), s),
    entrustedGuardian: z
      .object({
        name: text('entrustedGuardian.name', 50),
        phone: phoneField('entrustedGuardian.phone'),
        idNumber: idField('entrustedGuardian.idNumber', o),
        relationship: codeField('entrustedGuardian.relationship', 'relationship', o),
        address: text('entrustedGuardian.address', 200),
      })
      .default({ name: '', phone: '', idNumber: '', relationship: '', address: '' }),
    income: z
      .object({
        sources: codesField('income.sources', 'incomeSource', o),
        sourcesOther: text('income.sourcesOther', 100),
        assistance: codesField('income.assistance', 'assistance', o),
        assistanceOther: text('income.assistanceOther', 100),
        povertyStatus: codeField('income.povertyStatus', 'povertyStatus', o),
      })
      .default({ sources: [], sourcesOther: '', assistance: [], assistanceOther: '', povertyStatus: '' }),
    responsibility: section(z.object(
      {
        township: reqText('responsibility.township', 50),
        village: reqText('responsibility.village', 50),
        supervisorName: text('responsibility.supervisorName', 50),
        supervisorPhone: phoneField('responsibility.supervisorPhone'),
        directorName: text('responsibility.directorName', 50),
        directorPhone: phoneField('responsibility.directorPhone'),
      },
      { error: '责任人信息格式不正确' },
    ), s),
    riskLevel: codeField('riskLevel', 'riskLevel', o),
    status: z
      .object({
        state: requiredCode('status.state', 'childStatus', o),
        reason: codeField('status.reason', 'exitReason', o),
        date: dateField('status.date', o),
        transferTo: text('status.transferTo', 100),
        note: text('status.note', 500),
      })
      .default({ state: 'active', reason: '', date: '', transferTo: '', note: '' }),
    remarks: text('remarks', 500),
  };
}

function buildSchema(o: ChildSchemaOptions, s: Strictness = 'complete') {
  return z.object(shape(o, s), { error: '儿童信息格式不正确' }).superRefine((rec, ctx) => {
    const issue = (path: ChildFieldPath, message: string) =>
      ctx.addIssue({ code: 'custom', path: path.split('.'), message });
    crossCheck(rec, issue, o);
    // What one answer makes necessary: an error on the national form, a missing field of a 待完善 record.
    if (s === 'complete') for (const r of conditionalRequirements(nestedGetter(rec))) issue(r.path, r.message);
  });
}

export type ChildRecord = z.output<ReturnType<typeof buildSchema>>;
/** What a form or an import may pass: optional sections and fields may be left out, cells may be numbers or dates. */
export type ChildRecordInput = z.input<ReturnType<typeof buildSchema>>;

type Unanswered<T, K extends keyof T> = Omit<T, K> & { [P in K]?: T[P] };
/** A record as the incomplete schema gives it: what a 待完善 record holds (the required 是/否 may be unanswered). */
export type IncompleteChildRecord = Omit<ChildRecord, 'child' | 'guardianship'> & {
  child: Unanswered<ChildRecord['child'], 'hukouRegistered'>;
  guardianship: Unanswered<ChildRecord['guardianship'], 'bothParentsAway' | 'oneAwayOtherIncapable' | 'hasEntrustedGuardian'>;
};

const PARENT_LABEL = { father: '父亲', mother: '母亲' } as const;

/**
 * Checks that span fields: contradictions, which neither schema lets through (what one answer makes necessary is
 * conditionalRequirements, in the domain). Each problem is reported on the field the person should correct.
 */
function crossCheck(rec: ChildRecord, issue: (path: ChildFieldPath, message: string) => void, o: ChildSchemaOptions): void {
  const today = o.today();
  const { child, guardianship: g, status } = rec;

  const id = child.idNumber ? parseIdNumber(child.idNumber, today) : undefined;
  if (id?.ok) {
    if (isIsoDate(child.birthDate) && child.birthDate !== id.birthDate) {
      issue('child.birthDate', '出生日期与身份证号码中的出生日期不一致，请核对');
    }
    const sexLabel = child.sex ? codeLabel(o.codeLists, 'sex', child.sex) : undefined;
    if (sexLabel && sexLabel !== id.sex) issue('child.sex', '性别与身份证号码不一致（第17位单数为男、双数为女），请核对');
  }

  for (const side of ['father', 'mother'] as const) {
    const p = rec[side];
    const who = PARENT_LABEL[side];
    if (p.deceased) continue;
    const fields = ['name', 'birthDate', 'idNumber', 'workProvince', 'workCity', 'phone'] as const;
    for (const f of fields) {
      if (p[f] === DECEASED_MARK) issue(`${side}.${f}`, `「—」只用于已去世的${who}；${who}健在时请填写实际情况或留空`);
    }
    if (p.workProvince !== '' && p.workProvince !== DECEASED_MARK && !hasCode(o.codeLists, 'province', p.workProvince)) {
      issue(`${side}.workProvince`, `${who}务工地点的省份无效，请重新选择`);
    }
    const pid = p.idNumber && p.idNumber !== DECEASED_MARK ? parseIdNumber(p.idNumber, today) : undefined;
    if (pid?.ok && isIsoDate(p.birthDate) && p.birthDate !== pid.birthDate) {
      issue(`${side}.birthDate`, `${who}出生日期与${who}身份证号码不一致，请核对`);
    }
  }

  if (g.bothParentsAway && g.oneAwayOtherIncapable) {
    issue('guardianship.oneAwayOtherIncapable', '「父母双方外出」与「一方外出、另一方无监护能力」只能有一项选「是」');
  }
  if (g.bothParentsAway) {
    for (const side of ['father', 'mother'] as const) {
      if (rec[side].deceased) issue('guardianship.bothParentsAway', `${PARENT_LABEL[side]}已去世，不能选择父母双方外出`);
    }
  }
  if (g.entrustmentSigned && g.hasEntrustedGuardian === false) {
    issue('guardianship.entrustmentSigned', '没有委托监护人，不能签订委托监护责任确认书');
  }

  if (status.state === 'exited' || status.state === 'transferred') {
    if (!status.date) issue('status.date', status.state === 'exited' ? '请填写退出日期' : '请填写转出日期');
  }
  if (status.state === 'exited' && !status.reason) issue('status.reason', '办理退出时请选择退出原因');
  if (status.state === 'exited' && status.reason === 'other' && !status.note) {
    issue('status.note', '退出原因为「其他」时，请填写情况说明');
  }
  if (status.state === 'transferred' && !status.transferTo) issue('status.transferTo', '请填写转往单位');
}

/** A child-record schema for given options (tests pass a fixed `today`; offices pass their extended code lists). */
export function createChildSchema(options: ChildSchemaOptions) {
  return buildSchema(options);
}

/**
 * The schema for a record kept 待完善 (spreadsheet import, 暂存 from the form): required fields may be empty and are
 * then stored empty; filled fields are judged as by createChildSchema. What is missing is missingFields' business.
 */
export function createIncompleteChildSchema(options: ChildSchemaOptions) {
  return buildSchema(options, 'incomplete') as unknown as z.ZodType<IncompleteChildRecord, ChildRecordInput>;
}

/** The default schema: shipped code lists, today's date from the local clock. */
export const childSchema = createChildSchema({ today: () => isoDateOf(new Date()), codeLists: shippedCodeLists });

/** Field path → first message, as AppError fields carry them. */
export function toFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (!Object.hasOwn(fields, path)) fields[path] = issue.message;
  }
  return fields;
}

/** Validate a record; on failure, a VALIDATION error whose `fields` are keyed by field path. */
export function validateChildRecord(input: unknown): Result<ChildRecord>;
export function validateChildRecord<T>(input: unknown, schema: z.ZodType<T>): Result<T>;
export function validateChildRecord(input: unknown, schema: z.ZodType = childSchema): Result<unknown> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields = toFieldErrors(parsed.error);
  const count = Object.keys(fields).length;
  return { ok: false, error: { code: 'VALIDATION', message: `儿童信息有${count}处需要修改`, fields } };
}

/** One column of the national registration form; a column may show several fields (残疾类别及等级). */
export interface FormColumn {
  group: string;
  header: string;
  fields: readonly ChildFieldPath[];
}

const col = (group: string, header: string, ...fields: ChildFieldPath[]): FormColumn => ({ group, header, fields });
const BASIC = '留守儿童个人基本情况';
const FAMILY = '家庭情况';
const GUARD = '实际监护情况';

/** 《农村留守儿童基本情况登记表》(2016) in its order, for export with a two-level header. */
export const nationalFormColumns: readonly FormColumn[] = [
  col(BASIC, '姓名', 'child.name'),
  col(BASIC, '性别', 'child.sex'),
  col(BASIC, '民族', 'child.ethnicity'),
  col(BASIC, '出生日期', 'child.birthDate'),
  col(BASIC, '公民身份证号码', 'child.idNumber'),
  col(BASIC, '是否登记户口', 'child.hukouRegistered'),
  col(BASIC, '户籍所在地', 'child.hukouAddress'),
  col(BASIC, '现居住地', 'child.currentAddress'),
  col(BASIC, '身体情况', 'child.health'),
  col(BASIC, '残疾类别及等级', 'child.disabilityCategory', 'child.disabilityGrade'),
  col(BASIC, '患病类型', 'child.illnessType'),
  col(BASIC, '是否学校寄宿', 'child.boarding'),
  col(BASIC, '就学情况', 'child.schooling'),
  col(FAMILY, '祖父姓名', 'grandparents.paternalGrandfather.name'),
  col(FAMILY, '祖父出生日期', 'grandparents.paternalGrandfather.birthDate'),
  col(FAMILY, '祖母姓名', 'grandparents.paternalGrandmother.name'),
  col(FAMILY, '祖母出生日期', 'grandparents.paternalGrandmother.birthDate'),
  col(FAMILY, '外祖父姓名', 'grandparents.maternalGrandfather.name'),
  col(FAMILY, '外祖父出生日期', 'grandparents.maternalGrandfather.birthDate'),
  col(FAMILY, '外祖母姓名', 'grandparents.maternalGrandmother.name'),
  col(FAMILY, '外祖母出生日期', 'grandparents.maternalGrandmother.birthDate'),
  col(FAMILY, '父亲姓名', 'father.name'),
  col(FAMILY, '父亲出生日期', 'father.birthDate'),
  col(FAMILY, '父亲当前务工地点', 'father.workProvince', 'father.workCity'),
  col(FAMILY, '父亲联系电话', 'father.phone'),
  col(FAMILY, '母亲姓名', 'mother.name'),
  col(FAMILY, '母亲出生日期', 'mother.birthDate'),
  col(FAMILY, '母亲当前务工地点', 'mother.workProvince', 'mother.workCity'),
  col(FAMILY, '母亲联系电话', 'mother.phone'),
  col(FAMILY, '父亲公民身份证号码', 'father.idNumber'),
  col(FAMILY, '母亲公民身份证号码', 'mother.idNumber'),
  col(GUARD, '父母双方同时外出', 'guardianship.bothParentsAway'),
  col(GUARD, '父母一方外出、另一方无监护能力', 'guardianship.oneAwayOtherIncapable'),
  col(GUARD, '无监护能力（父亲/母亲）', 'guardianship.incapableParent'),
  col(GUARD, '父母外出有无委托其他监护人', 'guardianship.hasEntrustedGuardian'),
  col(GUARD, '委托监护人姓名', 'entrustedGuardian.name'),
  col(GUARD, '受委托监护人电话', 'entrustedGuardian.phone'),
  col(GUARD, '受委托监护人公民身份证号码', 'entrustedGuardian.idNumber'),
  col(GUARD, '与被监护人关系', 'entrustedGuardian.relationship'),
  col(GUARD, '居住地地址', 'entrustedGuardian.address'),
  col(GUARD, '监护类型', 'guardianship.guardianshipType'),
  col('家庭经济来源', '家庭经济来源（可多选）', 'income.sources', 'income.sourcesOther'),
  col('救助帮扶情况', '救助帮扶情况（可多选）', 'income.assistance', 'income.assistanceOther'),
];

const OFFICE = '台账管理信息';

/** The office's own columns, appended after the national ones in a full ledger export. */
export const ledgerExtraColumns: readonly FormColumn[] = [
  col(OFFICE, '户籍性质', 'child.householdType'),
  col(OFFICE, '就读学校', 'child.school'),
  col(OFFICE, '年级', 'child.grade'),
  col(OFFICE, '监护人类型', 'guardianship.guardianKind'),
  col(OFFICE, '监护情况评估', 'guardianship.assessment'),
  col(OFFICE, '无监护能力的原因', 'guardianship.incapacityReason'),
  col(OFFICE, '委托监护责任确认书', 'guardianship.entrustmentSigned', 'guardianship.entrustmentDate'),
  col(OFFICE, '贫困状况', 'income.povertyStatus'),
  col(OFFICE, '乡镇（街道）', 'responsibility.township'),
  col(OFFICE, '村（居）', 'responsibility.village'),
  col(OFFICE, '儿童督导员', 'responsibility.supervisorName', 'responsibility.supervisorPhone'),
  col(OFFICE, '儿童主任', 'responsibility.directorName', 'responsibility.directorPhone'),
  col(OFFICE, '风险等级', 'riskLevel'),
  col(OFFICE, '儿童状态', 'status.state'),
  col(OFFICE, '退出原因', 'status.reason'),
  col(OFFICE, '退出（转出）日期', 'status.date'),
  col(OFFICE, '转往单位', 'status.transferTo'),
  col(OFFICE, '情况说明', 'status.note'),
  col(OFFICE, '备注', 'remarks'),
];
