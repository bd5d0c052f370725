// Effective-dated composition: who held which post, which units and liaisons were in force on a given day.
import { compositionOn } from '../../../electron/domain/composition/composition-on';
import {
  addUnitChanges,
  endPostChanges,
  removeUnitChanges,
  replacePostChanges,
  setLiaisonChanges,
  setupChanges,
  splitDutyParagraph,
} from '../../../electron/domain/composition/composition-service';
import { deriveCountyTemplate, loadNoticeTemplate } from '../../../electron/domain/composition/template';
import { Store } from '../../../electron/store/store';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

let store: Store;
let n = 0;
const ids = () => `id-${++n}`;
const template = loadNoticeTemplate();

beforeEach(async () => {
  const dir = tempDir('composition');
  await Store.create(dir, '445200');
  store = await Store.open(dir, { office: '445200', clock: fixedClock() });
});
afterEach(async () => {
  await store.close();
  cleanupTempDirs();
});

const setUpCity = () =>
  store.commit(setupChanges(store, { composition: template, origin: 'template', from: '2017-03-20' }, ids), 'test');
const memberOf = (date: string, unitId: string) =>
  compositionOn(store, date)
    .posts.filter((p) => p.unitId === unitId && p.role === 'member')
    .map((p) => p.personName);

describe('set-up from the notice template', () => {
  it('gives the notice’s body, 26 units in member-list order and 29 posts plus the office head', () => {
    setUpCity();
    const c = compositionOn(store, '2017-03-20');
    expect(c.body).toEqual({ name: '揭阳市农村留守儿童关爱保护工作联席会议', level: 'city' });
    expect(c.units).toHaveLength(26);
    expect(c.units[0]!.name).toBe('市综治办');
    expect(c.units.find((u) => u.id === 'fupin')!.dutyName).toBe('市委农办（扶贫办）');
    expect(c.units.find((u) => u.id === 'gongshang')!.duty).toBeNull();
    expect(c.posts.filter((p) => p.role !== 'officeHead')).toHaveLength(29);
    expect(c.posts[0]).toMatchObject({ role: 'convener', personName: '马儒生', unitId: 'gongan' });
    const head = c.posts.find((p) => p.role === 'officeHead')!;
    expect(head).toMatchObject({ personName: '林小彭', unitId: 'minzheng', title: '市民政局副局长', to: null });
    // 公安局 and 民政局 provide two people each.
    expect(c.posts.filter((p) => p.unitId === 'gongan' && p.role !== 'officeHead')).toHaveLength(2);
  });

  it('shows nothing before the day it takes effect', () => {
    setUpCity();
    const c = compositionOn(store, '2017-03-19');
    expect(c.units).toHaveLength(0);
    expect(c.posts).toHaveLength(0);
  });

  it('refuses a second set-up', () => {
    setUpCity();
    expect(() => setupChanges(store, { composition: template, origin: 'template', from: '2017-03-20' }, ids)).toThrow(
      expect.objectContaining({ code: 'ALREADY_SET_UP' }),
    );
  });

  it('sets up a county from the derived template with its own people, leaving unnamed posts vacant', () => {
    const county = deriveCountyTemplate(template, { bodyName: '榕城区农村留守儿童关爱保护工作联席会议', level: 'county' });
    store.commit(
      setupChanges(
        store,
        {
          composition: county,
          origin: 'county-template',
          from: '2024-01-01',
          people: [{ order: 1, personName: '张三', title: '副区长' }],
          officeHead: { personName: '李四', title: '区民政局副局长' },
        },
        ids,
      ),
      'test',
    );
    const c = compositionOn(store, '2024-06-01');
    expect(c.body.name).toBe('榕城区农村留守儿童关爱保护工作联席会议');
    expect(c.units.find((u) => u.id === 'minzheng')!.name).toBe('县（市、区）民政局');
    expect(c.posts.map((p) => [p.role, p.personName])).toEqual([
      ['convener', '张三'],
      ['officeHead', '李四'],
    ]);
  });
});

describe('replacing a member with a successor', () => {
  const postOf = (unitId: string, name: string) =>
    compositionOn(store, '2020-01-01').posts.find((p) => p.unitId === unitId && p.personName === name)!;

  it('shows the predecessor before the date and the successor from that day on', () => {
    setUpCity();
    const old = postOf('jiaoyu', '倪任华');
    store.commit(replacePostChanges(store, old.id, 'successor', { personName: '王小明', title: '市教育局副局长', from: '2025-03-01' }), 'test');
    expect(memberOf('2025-02-28', 'jiaoyu')).toEqual(['倪任华']);
    expect(memberOf('2025-03-01', 'jiaoyu')).toEqual(['王小明']);
    expect(memberOf('2026-01-01', 'jiaoyu')).toEqual(['王小明']);
    const successor = compositionOn(store, '2025-03-01').posts.find((p) => p.id === 'successor')!;
    // Same place in the list, same unit and role.
    expect(successor).toMatchObject({ order: old.order, unitId: 'jiaoyu', role: 'member', from: '2025-03-01', to: null });
  });

  it('refuses a successor dated on or before the predecessor’s start, and a second successor', () => {
    setUpCity();
    const old = postOf('jiaoyu', '倪任华');
    expect(() => replacePostChanges(store, old.id, 'x', { personName: '甲', title: '', from: '2017-03-20' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
    store.commit(replacePostChanges(store, old.id, 's1', { personName: '甲', title: '', from: '2020-01-01' }), 'test');
    expect(() => replacePostChanges(store, old.id, 's2', { personName: '乙', title: '', from: '2021-01-01' })).toThrow(
      expect.objectContaining({ code: 'REFUSED' }),
    );
  });

  it('lets a person leave with the post left vacant', () => {
    setUpCity();
    const old = postOf('tongji', '陈伟忠');
    store.commit(endPostChanges(store, old.id, '2022-07-01'), 'test');
    expect(memberOf('2022-06-30', 'tongji')).toEqual(['陈伟忠']);
    expect(memberOf('2022-07-01', 'tongji')).toEqual([]);
  });
});

describe('units and liaisons over time', () => {
  it('keeps each liaison for the days they served', () => {
    setUpCity();
    store.commit(setLiaisonChanges(store, 'l1', { unitId: 'minzheng', name: '陈联络', post: '儿童福利科科长', phone: '0663-8123456', from: '2023-01-01' }), 'test');
    store.commit(setLiaisonChanges(store, 'l2', { unitId: 'minzheng', name: '黄联络', post: '儿童福利科副科长', phone: '13800138000', from: '2025-05-01' }), 'test');
    const on = (d: string) => compositionOn(store, d).units.find((u) => u.id === 'minzheng')!.liaison;
    expect(on('2022-12-31')).toBeUndefined();
    expect(on('2024-01-01')).toEqual({ name: '陈联络', post: '儿童福利科科长', phone: '0663-8123456' });
    expect(on('2025-05-01')).toEqual({ name: '黄联络', post: '儿童福利科副科长', phone: '13800138000' });
  });

  it('refuses a liaison phone that is not a phone number', () => {
    setUpCity();
    expect(() => setLiaisonChanges(store, 'l', { unitId: 'minzheng', name: '陈', post: '科长', phone: '8123456', from: '2023-01-01' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION', fields: expect.objectContaining({ phone: expect.any(String) }) }),
    );
  });

  it('adds and removes a unit from dates, ending its people’s posts with it', () => {
    setUpCity();
    store.commit(addUnitChanges(store, 'u-new', { name: '市医疗保障局', duty: '落实医疗救助政策。做好参保工作；', from: '2019-03-01' }), 'test');
    expect(compositionOn(store, '2019-02-28').units.some((u) => u.id === 'u-new')).toBe(false);
    expect(compositionOn(store, '2019-03-01').units.find((u) => u.id === 'u-new')!.duty!.items.map((i) => i.id)).toEqual([
      'u-new.1',
      'u-new.2',
    ]);
    store.commit(removeUnitChanges(store, 'dishui', '2018-07-20'), 'test');
    expect(compositionOn(store, '2018-07-19').units.some((u) => u.id === 'dishui')).toBe(true);
    expect(compositionOn(store, '2018-07-20').units.some((u) => u.id === 'dishui')).toBe(false);
    expect(memberOf('2018-07-20', 'dishui')).toEqual([]);
  });

  it('splits a duty paragraph into its sentences, verbatim', () => {
    expect(splitDutyParagraph('甲。乙；丙')).toEqual(['甲。', '乙；', '丙']);
  });
});
