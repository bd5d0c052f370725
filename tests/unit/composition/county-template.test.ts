import { AppError } from '../../../electron/contract/errors';
import {
  compositionSchema,
  countyUnitName,
  deriveCountyTemplate,
  emptyComposition,
  loadNoticeTemplate,
  parseNoticeTemplate,
  type NoticeTemplate,
  type Unit,
} from '../../../electron/domain/composition/template';

const city = loadNoticeTemplate();
const cityJson = JSON.stringify(city);
const county = deriveCountyTemplate(city, {
  bodyName: ' 榕城区农村留守儿童关爱保护工作联席会议 ',
  level: 'county',
});
const unitOf = (t: NoticeTemplate, id: string): Unit => t.units.find((u) => u.id === id)!;

describe('countyUnitName', () => {
  it.each([
    ['市民政局', '县（市、区）民政局'],
    ['市扶贫办', '县（市、区）扶贫办'],
    ['市委农办（扶贫办）', '县（市、区）委农办（扶贫办）'],
    ['团市委', '团县（市、区）委'],
    ['市中院', '县（市、区）人民法院'],
    ['市中级人民法院', '县（市、区）人民法院'],
    ['市人大常委会', '县（市、区）人大常委会'],
    ['市人大常委会（内司工委）', '县（市、区）人大常委会（内司工委）'],
    ['市人力资源社会保障局', '县（市、区）人力资源社会保障局'],
    ['县（市、区）民政局', '县（市、区）民政局'],
  ])('%s → %s', (from, to) => {
    expect(countyUnitName(from)).toBe(to);
  });
});

describe('deriveCountyTemplate', () => {
  it('leaves the city template untouched', () => {
    expect(JSON.stringify(city)).toBe(cityJson);
  });

  it('is a valid template for the named county body, remembering where it came from', () => {
    expect(parseNoticeTemplate(JSON.parse(JSON.stringify(county)))).toEqual(county);
    expect(county.body).toEqual({ name: '榕城区农村留守儿童关爱保护工作联席会议', level: 'county' });
    expect(county.derivedFrom).toEqual({ body: city.body.name, level: 'city' });
    expect(county.source).toEqual(city.source);
  });

  it('keeps the posts but not the people: the county fills its own', () => {
    expect(county.posts.map((p) => [p.role, p.order, p.unit])).toEqual(
      city.posts.map((p) => [p.role, p.order, p.unit]),
    );
    for (const p of county.posts) expect([p.name, p.normalisedName, p.title]).toEqual(['', '', '']);
    // Only the kept city wording (cityText) may still name the city's people.
    const { cityText: _cityText, ...office } = county.office;
    expect(JSON.stringify([county.posts, office])).not.toMatch(/马儒生|陈家斌|魏洁林|林小彭/);
  });

  it('mirrors the member units one level down and keeps the city names', () => {
    expect(county.units.map((u) => u.id)).toEqual(city.units.map((u) => u.id));
    expect(unitOf(county, 'minzheng')).toMatchObject({ name: '县（市、区）民政局', cityName: '市民政局' });
    expect(unitOf(county, 'tuanshiwei')).toMatchObject({
      name: '团县（市、区）委',
      dutyName: '团县（市、区）委',
    });
    expect(unitOf(county, 'fayuan')).toMatchObject({
      name: '县（市、区）人民法院',
      dutyName: '县（市、区）人民法院',
      cityName: '市中院',
      cityDutyName: '市中级人民法院',
    });
    expect(unitOf(county, 'renda')).toMatchObject({
      name: '县（市、区）人大常委会',
      dutyName: '县（市、区）人大常委会（内司工委）',
    });
    expect(unitOf(county, 'fupin')).toMatchObject({
      name: '县（市、区）扶贫办',
      dutyName: '县（市、区）委农办（扶贫办）',
    });
    for (const u of county.units) expect(u.name.startsWith('市')).toBe(false);
  });

  it('keeps 市工商局 without duties', () => {
    expect(unitOf(county, 'gongshang')).toMatchObject({
      name: '县（市、区）工商局',
      dutyName: null,
      cityDutyName: null,
      duty: null,
    });
    expect(county.units.filter((u) => u.duty !== null)).toHaveLength(25);
  });

  it('adapts the duties only in unit names and 「全市」, keeping the original paragraph and items', () => {
    for (const u of county.units) {
      if (u.duty === null) continue;
      const original = unitOf(city, u.id).duty!;
      expect(u.duty.cityParagraph).toBe(original.paragraph);
      expect(u.duty.order).toBe(original.order);
      expect(u.duty.items.map((it) => it.text).join('')).toBe(u.duty.paragraph);
      expect(u.duty.items.map((it) => [it.id, it.cityText])).toEqual(
        original.items.map((it) => [it.id, it.text]),
      );
      expect(u.duty.paragraph).not.toContain('全市');
    }
    const jianchayuan = unitOf(county, 'jianchayuan').duty!.paragraph;
    expect(jianchayuan.startsWith('指导全县（市、区）检察机关充分履行检察职能')).toBe(true);
    expect(unitOf(county, 'wangxin').duty!.paragraph).toContain('配合县（市、区）有关部门做好');
    // Text that merely mentions counties, or no city unit at all, is left as the notice wrote it.
    expect(unitOf(county, 'jiaoyu').duty!.paragraph).toContain(
      '督促指导各县（市、区）坚持以输入地政府管理为主',
    );
    expect(unitOf(county, 'fazhi').duty!.paragraph).toBe(unitOf(city, 'fazhi').duty!.paragraph);
    const changed = county.units
      .filter((u) => u.duty && u.duty.paragraph !== u.duty.cityParagraph)
      .map((u) => u.id);
    expect(changed.sort()).toEqual(['jianchayuan', 'wangxin']);
  });

  it('adapts the rules, the main duties and the office, keeping the originals', () => {
    expect(county.mainDuties.startsWith('统筹协调全县（市、区）农村留守儿童关爱保护工作。')).toBe(true);
    expect(county.cityMainDuties).toBe(city.mainDuties);
    expect(county.rules.text).toContain('根据县（市、区）政府领导同志指示');
    expect(county.rules.text).toContain('印发有关单位并抄报县（市、区）政府');
    expect(county.rules.cityText).toBe(city.rules.text);
    expect(county.rules.plenaryPerYear).toBe(1);
    expect(county.office).toMatchObject({
      name: '联席会议办公室',
      hostUnit: 'minzheng',
      head: '',
      headNote: '',
      text: '联席会议下设办公室，负责联席会议日常工作。',
      cityText: city.office.text,
    });
    expect(county.liaisonRule).toBe(city.liaisonRule);
  });

  it('names a zone’s government as its 管委会', () => {
    const zone = deriveCountyTemplate(city, {
      bodyName: '空港经济区农村留守儿童关爱保护工作联席会议',
      level: 'zone',
    });
    expect(zone.body.level).toBe('zone');
    expect(zone.rules.text).toContain('根据管委会领导同志指示');
    expect(zone.rules.text).toContain('抄报管委会');
    expect(unitOf(zone, 'minzheng').name).toBe('县（市、区）民政局');
  });

  it('derived again, changes nothing more and keeps the city wording', () => {
    const again = deriveCountyTemplate(county, {
      bodyName: '揭西县农村留守儿童关爱保护工作联席会议',
      level: 'county',
    });
    expect(again.units).toEqual(county.units);
    expect(again.rules).toEqual(county.rules);
    expect(again.cityMainDuties).toBe(city.mainDuties);
    expect(again.office.cityText).toBe(city.office.text);
  });

  it('refuses a blank body name', () => {
    expect(() => deriveCountyTemplate(city, { bodyName: '  ', level: 'county' })).toThrow(AppError);
    expect(() => deriveCountyTemplate(city, { bodyName: '', level: 'county' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: '请填写联席会议名称。' }),
    );
  });
});

describe('emptyComposition', () => {
  it('is a valid composition with no people and no units', () => {
    const c = emptyComposition('普宁市农村留守儿童关爱保护工作联席会议');
    expect(compositionSchema.parse(c)).toEqual(c);
    expect(c.body).toEqual({ name: '普宁市农村留守儿童关爱保护工作联席会议', level: 'county' });
    expect(c.posts).toEqual([]);
    expect(c.units).toEqual([]);
    expect(c.office.hostUnit).toBeNull();
    expect(c.rules.plenaryPerYear).toBe(1);
    expect(emptyComposition('揭阳市农村留守儿童关爱保护工作联席会议', 'city').body.level).toBe('city');
  });

  it('refuses a blank body name', () => {
    expect(() => emptyComposition(' ')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});
