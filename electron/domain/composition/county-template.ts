// Counties (and the zones run by a 管委会) mirror the city system: the same member units one level down, the same
// duties, their own people. The adaptation is deliberately narrow — unit names and 「全市」 only — because anything
// cleverer would put words in the notice's mouth; each adapted text keeps the city's original beside it.
import { AppError } from '../../contract/errors';
import type { NoticeTemplate } from './template-schema';

export type DerivedLevel = 'county' | 'zone';

export interface DeriveCountyOptions {
  /** The county's body, e.g. 「榕城区农村留守儿童关爱保护工作联席会议」. */
  bodyName: string;
  level: DerivedLevel;
}

const COUNTY = '县（市、区）';

/** Units whose county counterpart is not simply 市X → 县（市、区）X. */
const SPECIAL_UNIT_NAMES: Readonly<Record<string, string>> = {
  团市委: `团${COUNTY}委`,
  市中院: `${COUNTY}人民法院`,
  市中级人民法院: `${COUNTY}人民法院`,
};

/** The county counterpart of a city unit name: 市民政局 → 县（市、区）民政局, 团市委 → 团县（市、区）委,
 *  市中院 → 县（市、区）人民法院. A name that is not a city name is returned unchanged. */
export function countyUnitName(cityName: string): string {
  const special = SPECIAL_UNIT_NAMES[cityName];
  if (special !== undefined) return special;
  return cityName.startsWith('市') ? COUNTY + cityName.slice(1) : cityName;
}

/** Replaces, in one left-to-right pass, the template's unit names and the few city-wide phrases of the notice.
 *  One pass with the longest alternatives first, so 「市人大常委会（内司工委）」 is not half-replaced as 市人大常委会. */
function textAdapter(template: NoticeTemplate, level: DerivedLevel): (text: string) => string {
  const replacements = new Map<string, string>();
  for (const u of template.units) {
    for (const name of [u.name, u.dutyName]) {
      if (name !== null && countyUnitName(name) !== name) replacements.set(name, countyUnitName(name));
    }
  }
  replacements.set('全市', `全${COUNTY}`);
  replacements.set('市有关部门', `${COUNTY}有关部门`);
  // A zone's government is its 管委会 (the notice is addressed to 「各县（市、区）人民政府（管委会）」).
  const government = level === 'zone' ? '管委会' : `${COUNTY}政府`;
  replacements.set('市人民政府', government);
  replacements.set('市政府', government);
  const keys = [...replacements.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(keys.map(escapeRegExp).join('|'), 'gu');
  return (text) => text.replace(pattern, (m) => replacements.get(m) ?? m);
}

/** A template for a county or zone joint meeting, derived from the city's: the same posts (roles, order, units) with
 *  the people left empty, the units renamed one level down, the duties adapted with the city's wording kept. */
export function deriveCountyTemplate(template: NoticeTemplate, options: DeriveCountyOptions): NoticeTemplate {
  const bodyName = options.bodyName.trim();
  if (bodyName === '') {
    throw new AppError('VALIDATION', '请填写联席会议名称。', { bodyName: '请填写联席会议名称。' });
  }
  if (options.level !== 'county' && options.level !== 'zone') {
    throw new AppError('VALIDATION', '只能为县（市、区）或功能区生成联席会议模板。', {
      level: '级别不正确。',
    });
  }
  const adapt = textAdapter(template, options.level);
  const { office } = template;
  // The office sentence names the city's head (「由林小彭兼任办公室主任，」); the county has its own, so that clause goes.
  const personClause = office.head === '' ? '' : `由${office.head}${office.headNote}，`;
  const officeText = personClause === '' ? office.text : office.text.replace(personClause, '');
  return {
    version: template.version,
    source: { ...template.source },
    derivedFrom: { body: template.body.name, level: template.body.level },
    body: { name: bodyName, level: options.level },
    posts: template.posts.map((p) => ({ ...p, name: '', normalisedName: '', title: '' })),
    office: {
      ...office,
      head: '',
      headNote: '',
      text: adapt(officeText),
      cityText: office.cityText ?? office.text,
    },
    liaisonRule: template.liaisonRule,
    liaisonText: template.liaisonText,
    units: template.units.map((u) => ({
      ...u,
      name: countyUnitName(u.name),
      dutyName: u.dutyName === null ? null : countyUnitName(u.dutyName),
      cityName: u.cityName ?? u.name,
      cityDutyName: u.cityDutyName !== undefined ? u.cityDutyName : u.dutyName,
      duty:
        u.duty === null
          ? null
          : {
              order: u.duty.order,
              paragraph: adapt(u.duty.paragraph),
              items: u.duty.items.map((it) => ({
                id: it.id,
                text: adapt(it.text),
                cityText: it.cityText ?? it.text,
              })),
              cityParagraph: u.duty.cityParagraph ?? u.duty.paragraph,
            },
    })),
    rules: {
      ...template.rules,
      adHocMeetings: adapt(template.rules.adHocMeetings),
      text: adapt(template.rules.text),
      cityText: template.rules.cityText ?? template.rules.text,
    },
    mainDuties: adapt(template.mainDuties),
    cityMainDuties: template.cityMainDuties ?? template.mainDuties,
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
