// 纪要设置 shows where the 纪要标志 sits — GB/T 9704-2012 §10.3 unless the office chose its local format — and saves it.
import { screen, within } from '@testing-library/react';
import type { MeetingDetail, MinutesSettings } from '../../electron/contract/schemas/meetings';
import { createFakeApi, fakeStatus } from '../helpers/fake-api';
import { renderApp } from './render-app';

jest.mock('../../renderer/src/pages/ledger/stats/chart', () => ({ Chart: () => null }));

const meeting = {
  id: 'p1',
  kind: 'plenary',
  date: '2025-03-20',
  time: '下午3时',
  place: '市政府第一会议室',
  name: '2025年第一次全体会议',
  minutesStatus: 'none',
  minutesNumber: null,
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
  minutes: [],
  jointMeetings: [],
} satisfies MeetingDetail;

describe('纪要设置: the 纪要标志 position', () => {
  it('shows the placement of the standard by default and saves the local format the office chose', async () => {
    const settings: MinutesSettings = {
      numberStyle: 'qi',
      copyLabel: '抄报',
      copyTo: ['市人民政府'],
      mark: '揭阳市农村留守儿童关爱保护工作联席会议纪要',
      markPlacement: 'gb',
      issuer: '揭阳市农村留守儿童关爱保护工作联席会议办公室',
    };
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'meetings.get': () => meeting,
      'minutes.getSettings': () => settings,
      'minutes.setSettings': (args) => ({ ...settings, ...args }),
    });
    const { user } = renderApp(api, '/meetings/p1/minutes');
    await user.click(await screen.findByText('纪要设置（编号方式、版头及其位置、抄报抄送）'));
    const form = await screen.findByRole('form', { name: '纪要设置' });
    const place = within(form).getByLabelText('纪要标志位置');
    expect(place).toHaveDisplayValue('国家标准：标志上边缘距版心上边缘35毫米（GB/T 9704—2012 第10.3条）');
    await user.selectOptions(place, 'top');
    await user.click(within(form).getByRole('button', { name: '保存纪要设置' }));
    expect(api.callsTo('minutes.setSettings')).toEqual([{ ...settings, markPlacement: 'top' }]);
  });
});
