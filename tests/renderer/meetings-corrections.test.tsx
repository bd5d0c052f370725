// 更正 and 纪要设置 in the minutes page: a correction not yet issued can be withdrawn (asked once more first); the
// settings hint says a correction gets a number of its own; the 联席办 role sees the settings read-only.
import { screen, within } from '@testing-library/react';
import type { MeetingDetail, MinutesVersion } from '../../electron/contract/schemas/meetings';
import { sessionFor } from '../helpers/fake-accounts';
import { createFakeApi, fakeStatus } from '../helpers/fake-api';
import { renderApp } from './render-app';

jest.mock('../../renderer/src/pages/ledger/stats/chart', () => ({ Chart: () => null }));

const settings = () => ({
  numberStyle: 'qi' as const,
  copyLabel: '抄报' as const,
  copyTo: ['市人民政府'],
  mark: '揭阳市农村留守儿童关爱保护工作联席会议纪要',
  issuer: '联席会议办公室',
});

const version = (over: Partial<MinutesVersion> = {}): MinutesVersion => ({
  id: 'v1',
  version: 1,
  status: 'issued',
  title: '2026年第一次全体会议纪要',
  text: '会议议定如下。',
  blocks: [{ type: 'paragraph', text: '会议议定如下。' }],
  sendTo: ['市民政局'],
  number: '第1期',
  issuedDate: '2026-03-25',
  createdAt: '',
  corrects: null,
  ...over,
});

const detail = (over: Partial<MeetingDetail> = {}): MeetingDetail => ({
  id: 'p1',
  kind: 'plenary',
  date: '2026-03-20',
  time: '15:00',
  place: '市政府第一会议室',
  name: '2026年第一次全体会议',
  minutesStatus: 'correcting',
  minutesNumber: '第1期',
  chairKind: 'convener',
  chairName: '马儒生',
  chairTitle: '副市长',
  requestedBy: '',
  preparesId: null,
  preparesName: null,
  preparedBy: [],
  units: [],
  topics: [],
  agenda: [],
  attendance: [],
  attending: [],
  decisions: [],
  minutes: [
    version(),
    version({ id: 'v2', version: 2, status: 'draft', number: null, issuedDate: null, corrects: '2026年第1期' }),
  ],
  jointMeetings: [],
  ...over,
});

const meetingRole = () => fakeStatus({ session: sessionFor('meeting') });

describe('minutes page: corrections and settings', () => {
  it('a correction not yet issued can be withdrawn, after being asked once more', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'meetings.get': () => detail(),
      'minutes.getSettings': settings,
      'minutes.discardCorrection': ({ id }) => ({ id }),
    });
    const { user } = renderApp(api, '/meetings/p1/minutes');
    expect(await screen.findByText(/本版本是对2026年第1期纪要的更正/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '撤销此更正' }));
    const confirm = screen.getByRole('group', { name: '确认撤销更正' });
    expect(api.callsTo('minutes.discardCorrection')).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: '确定撤销' }));
    expect(api.callsTo('minutes.discardCorrection')).toEqual([{ id: 'v2' }]);
  });

  it('an issued version offers no withdrawal; the settings hint says a correction is numbered anew', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'meetings.get': () => detail({ minutesStatus: 'issued', minutes: [version()] }),
      'minutes.getSettings': settings,
    });
    const { user } = renderApp(api, '/meetings/p1/minutes');
    expect(await screen.findByRole('button', { name: /更正（另起新版本）/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '撤销此更正' })).not.toBeInTheDocument();
    await user.click(screen.getByText(/纪要设置（/));
    const form = await screen.findByRole('form', { name: '纪要设置' });
    expect(within(form).queryByText(/沿用原编号/)).not.toBeInTheDocument();
    expect(within(form).getByText(/更正版本另编新号/)).toBeInTheDocument();
  });

  it('the 联席办 role sees the minutes settings read-only', async () => {
    const api = createFakeApi({
      'app.status': meetingRole,
      'meetings.get': () => detail({ minutesStatus: 'issued', minutes: [version()] }),
      'minutes.getSettings': settings,
    });
    const { user } = renderApp(api, '/meetings/p1/minutes');
    await user.click(await screen.findByText(/纪要设置（/));
    expect(await screen.findByText('揭阳市农村留守儿童关爱保护工作联席会议纪要')).toBeInTheDocument();
    expect(screen.getByText(/纪要设置由系统管理员修改/)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: '纪要设置' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '保存纪要设置' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: '编号方式' })).not.toBeInTheDocument();
  });
});
