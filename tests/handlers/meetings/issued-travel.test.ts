// An issued document travels with its minutes: a county that imports the city's bundle prints the city's minutes,
// sign-in sheet and bulletin byte for byte as the city issued them, whatever it has itself.
import { ISSUED_DOCUMENT_ENTITY } from '../../../electron/domain/issued/issued-documents';
import { call, exportTo, importInto, office, trustEachOther } from '../exchange/exchange-helpers';
import { cleanupTempDirs } from '../../helpers/temp-dir';

jest.setTimeout(60_000);
afterEach(() => cleanupTempDirs());

test('a county prints the city’s issued minutes, sign-in sheet and bulletin as issued', async () => {
  const city = await office('445200', '揭阳市农村留守儿童关爱保护工作联席会议办公室', 'city');
  const county = await office('445202', '榕城区民政局', 'county');
  try {
    await trustEachOther(city, county);
    await call(city, 'composition.setup', { mode: 'template' });
    const m = await call(city, 'meetings.create', {
      kind: 'plenary',
      date: '2026-03-20',
      place: '市政府第一会议室',
      chairKind: 'convener',
    });
    const rows = (await call(city, 'meetings.get', { id: m.id })).attendance;
    await call(city, 'attendance.mark', { meetingId: m.id, postId: rows[0]!.postId, status: 'present' });
    const draft = await call(city, 'minutes.draft', { meetingId: m.id });
    await call(city, 'minutes.issue', { id: draft.id, date: '2026-03-25' });
    const bulletin = await call(city, 'bulletins.create', {
      from: '2026-01-01',
      to: '2026-03-31',
      date: '2026-04-01',
    });
    const print = (ctx: typeof city, kind: string, id: string) => call(ctx, 'print.render', { kind, id });
    const minutes = await print(city, 'minutes', m.id);
    const sheet = await print(city, 'signInSheet', m.id);
    const page = await print(city, 'bulletin', bulletin.id);

    await importInto(county, await exportTo(city, county));
    expect(county.store!.get(ISSUED_DOCUMENT_ENTITY, `minutes:${draft.id}`)).toBeDefined();
    // The county has settings of its own: they do not touch what the city issued.
    await call(county, 'minutes.setSettings', {
      numberStyle: 'qi',
      copyLabel: '抄送',
      copyTo: ['区人民政府'],
      mark: '榕城区农村留守儿童关爱保护工作联席会议纪要',
      issuer: '榕城区民政局',
    });
    expect(await print(county, 'minutes', m.id)).toEqual(minutes);
    expect(await print(county, 'signInSheet', m.id)).toEqual(sheet);
    expect(await print(county, 'bulletin', bulletin.id)).toEqual(page);
    expect((await call(county, 'meetings.get', { id: m.id })).name).toBe('2026年第一次全体会议');

    // The county's own joint meeting counts and numbers its own: its first plenary is its 第一次, its first minutes
    // its 第1期, whatever the city's in its store.
    const own = await call(county, 'meetings.create', {
      kind: 'plenary',
      date: '2026-02-10',
      place: '区政府会议室',
      chairKind: 'delegate',
      chairName: '李某',
      chairTitle: '副区长',
    });
    expect((await call(county, 'meetings.get', { id: own.id })).name).toBe('2026年第一次全体会议');
    const ownDraft = await call(county, 'minutes.draft', { meetingId: own.id });
    expect((await call(county, 'minutes.issue', { id: ownDraft.id, date: '2026-02-12' })).number).toBe(
      '第1期',
    );
    expect((await call(county, 'meetings.get', { id: m.id })).name).toBe('2026年第一次全体会议');
    expect(await print(county, 'minutes', m.id)).toEqual(minutes);
  } finally {
    await city.close();
    await county.close();
  }
});
