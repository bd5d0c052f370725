// The joint meeting's composition and duties as data, and the template the founding notice (揭府办〔2017〕24号)
// provides. The shape is documented here, in the schema, because assets/templates/*.json cannot carry comments.
//
// Texts are kept verbatim from the notice (page-break artefacts of the source joined), because offices quote them in
// reports and minutes. The notice's own irregularities are data, not mistakes to tidy away:
// - a member unit may have no duty paragraph (市工商局): `duty: null`;
// - a unit may be named one way among the members and another way in the duties (市扶贫办 / 「市委农办（扶贫办）」,
//   市中院 / 市中级人民法院, 市人大常委会 / 「市人大常委会（内司工委）」): `name` and `dutyName`;
// - a unit may provide several people (市公安局: the convener and a member; 市民政局: a deputy convener and a member
//   who also heads the office): several posts point at one unit.
//
// A county template derived from the city's keeps the city's wording next to its own (`cityName`, `cityParagraph`, …)
// so that an adaptation can always be checked against, or reverted to, the notice.
import { z } from 'zod';
import { normalisePersonName } from './person-name';

export const bodyLevels = ['city', 'county', 'zone'] as const;
export type BodyLevel = (typeof bodyLevels)[number];

export const postRoles = ['convener', 'deputyConvener', 'member'] as const;
export type PostRole = (typeof postRoles)[number];

/** party: 党委工作机关; legislature: 人大; government: 政府部门; judicial: 法院、检察院; massOrganisation: 群团组织 (工会、
 *  妇联、共青团、残联) and 关工委. */
export const unitKinds = ['party', 'legislature', 'government', 'judicial', 'massOrganisation'] as const;
export type UnitKind = (typeof unitKinds)[number];

const order = z.number().int().positive();
const unitId = z.string().regex(/^[a-z][a-z0-9-]*$/, '单位标识只能由小写字母、数字和连字符组成。');

/** One thing a unit can report against: one sentence of its duty paragraph, ending in 。 or ；, verbatim. */
export const dutyItemSchema = z.strictObject({
  /** `${unitId}.${n}`, n counting from 1 in paragraph order; stable, reports refer to it. */
  id: z.string().regex(/^[a-z][a-z0-9-]*\.[1-9][0-9]*$/),
  text: z.string().min(1),
  cityText: z.string().optional(),
});

export const dutySchema = z.strictObject({
  /** Position of the paragraph in section 四 of the notice (which orders units differently from section 一). */
  order,
  /** The paragraph after 「X：」, verbatim; the items, concatenated, give it back. */
  paragraph: z.string().min(1),
  items: z.array(dutyItemSchema).min(1),
  cityParagraph: z.string().optional(),
});

export const unitSchema = z.strictObject({
  id: unitId,
  /** As in the member list (section 一), e.g. 市扶贫办, 市中院. */
  name: z.string().min(1),
  /** As at the head of its duty paragraph (section 四), e.g. 「市委农办（扶贫办）」; null when it has no paragraph. */
  dutyName: z.string().min(1).nullable(),
  kind: z.enum(unitKinds),
  /** Position in the member list. */
  order,
  duty: dutySchema.nullable(),
  cityName: z.string().optional(),
  cityDutyName: z.string().nullable().optional(),
});

export const postSchema = z.strictObject({
  role: z.enum(postRoles),
  /** As printed, padding included (「林 华」). Empty in a derived template: the county fills its own people. */
  name: z.string(),
  /** `normalisePersonName(name)`: what search and matching use. */
  normalisedName: z.string(),
  /** The text in brackets after the name, verbatim (「副市长、市公安局局长」). */
  title: z.string(),
  /** The member unit the post belongs to; null when none (市政府副秘书长 serves for the government itself). */
  unit: unitId.nullable(),
  /** Position in section 一, counting the convener and deputy conveners. */
  order,
});

export const officeSchema = z.strictObject({
  name: z.string().min(1),
  /** The unit the office sits in (the office head's unit). */
  hostUnit: unitId.nullable(),
  /** The office head's name as printed among the posts; empty until a person is named. */
  head: z.string(),
  /** How the head holds the office (「兼任办公室主任」: on top of their post). */
  headNote: z.string(),
  duty: z.string(),
  /** The notice's sentence establishing the office, verbatim. */
  text: z.string(),
  cityText: z.string().optional(),
});

export const rulesSchema = z.strictObject({
  /** 「原则上每年召开一次全体会议」. */
  plenaryPerYear: z.number().int().min(0),
  plenaryChair: z.string(),
  adHocMeetings: z.string(),
  /** A liaison officers' meeting prepares each plenary meeting's agenda. */
  liaisonMeetingBeforePlenary: z.boolean(),
  /** The form decisions are recorded in (「会议纪要」). */
  decisionRecord: z.string(),
  /** Section 三, verbatim. */
  text: z.string(),
  cityText: z.string().optional(),
});

const compositionShape = {
  body: z.strictObject({ name: z.string().trim().min(1), level: z.enum(bodyLevels) }),
  /** Section 一 in order: convener, deputy conveners, member lines. */
  posts: z.array(postSchema),
  office: officeSchema,
  /** Who serves as liaison officer (「由各成员单位有关科室负责同志担任」). */
  liaisonRule: z.string(),
  /** The notice's sentence on liaison officers, verbatim. */
  liaisonText: z.string(),
  /** Member units in member-list order. */
  units: z.array(unitSchema),
  rules: rulesSchema,
  /** Section 二, verbatim. */
  mainDuties: z.string(),
  cityMainDuties: z.string().optional(),
};

export const sourceSchema = z.strictObject({
  title: z.string().min(1),
  docNumber: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  issuer: z.string().min(1),
  addressees: z.string(),
  preamble: z.string(),
  /** The notice's text, beside the template in assets/templates. */
  textFile: z.string().min(1),
});

type CompositionFields = z.infer<z.ZodObject<typeof compositionShape>>;

/** Checks that relate fields to one another; the messages name the offending place for whoever maintains the data. */
function checkConsistency(c: CompositionFields, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const ids = new Set<string>();
  const itemIds = new Set<string>();
  const dutyOrders = new Set<number>();
  c.units.forEach((u, i) => {
    if (ids.has(u.id)) issue(['units', i, 'id'], `单位标识「${u.id}」重复。`);
    ids.add(u.id);
    if (u.order !== i + 1) issue(['units', i, 'order'], `单位「${u.name}」的序号应为 ${i + 1}。`);
    if ((u.duty === null) !== (u.dutyName === null)) {
      issue(['units', i, 'dutyName'], `单位「${u.name}」的职责名称与职责段落须同时有或同时无。`);
    }
    if (u.duty === null) return;
    if (dutyOrders.has(u.duty.order))
      issue(['units', i, 'duty', 'order'], `职责段落序号 ${u.duty.order} 重复。`);
    dutyOrders.add(u.duty.order);
    if (u.duty.items.map((it) => it.text).join('') !== u.duty.paragraph) {
      issue(['units', i, 'duty', 'items'], `单位「${u.name}」的职责条目连起来与职责段落不一致。`);
    }
    u.duty.items.forEach((it, j) => {
      if (it.id !== `${u.id}.${j + 1}`)
        issue(['units', i, 'duty', 'items', j, 'id'], `职责条目标识应为「${u.id}.${j + 1}」。`);
      if (itemIds.has(it.id)) issue(['units', i, 'duty', 'items', j, 'id'], `职责条目标识「${it.id}」重复。`);
      itemIds.add(it.id);
    });
  });
  c.posts.forEach((p, i) => {
    if (p.order !== i + 1) issue(['posts', i, 'order'], `第 ${i + 1} 位组成人员的序号不符。`);
    if (p.unit !== null && !ids.has(p.unit))
      issue(['posts', i, 'unit'], `组成人员所在单位「${p.unit}」不在成员单位中。`);
    if (p.normalisedName !== normalisePersonName(p.name))
      issue(['posts', i, 'normalisedName'], '规范姓名与姓名不一致。');
  });
  if (c.posts.filter((p) => p.role === 'convener').length > 1) issue(['posts'], '召集人只能有一位。');
  if (c.office.hostUnit !== null && !ids.has(c.office.hostUnit)) {
    issue(['office', 'hostUnit'], `办公室所在单位「${c.office.hostUnit}」不在成员单位中。`);
  }
}

/** A body's composition: what a city or county joint meeting consists of at one time. */
export const compositionSchema = z.strictObject(compositionShape).superRefine(checkConsistency);
export type Composition = z.infer<typeof compositionSchema>;

/** A composition together with the document it comes from. */
export const noticeTemplateSchema = z
  .strictObject({
    version: z.literal(1),
    source: sourceSchema,
    /** Set on a template derived for a county or zone: the body and level it was derived from. */
    derivedFrom: z.strictObject({ body: z.string(), level: z.enum(bodyLevels) }).optional(),
    ...compositionShape,
  })
  .superRefine(checkConsistency);
export type NoticeTemplate = z.infer<typeof noticeTemplateSchema>;

export type Unit = z.infer<typeof unitSchema>;
export type Duty = z.infer<typeof dutySchema>;
export type DutyItem = z.infer<typeof dutyItemSchema>;
export type Post = z.infer<typeof postSchema>;
export type Office = z.infer<typeof officeSchema>;
export type MeetingRules = z.infer<typeof rulesSchema>;
