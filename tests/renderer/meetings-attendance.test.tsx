// The attendance form: a 请假 can name who attends instead (代为出席); a liaison meeting's list says it is the liaisons.
import { screen, within } from '@testing-library/react';
import type { AttendanceRow, MeetingDetail } from '../../electron/contract/schemas/meetings';
import { createFakeApi, fakeStatus } from '../helpers/fake-api';
import { renderApp } from './render-app';

jest.mock('../../renderer/src/pages/ledger/stats/chart', () => ({ Chart: () => null }));

const row = (over: Partial<AttendanceRow>): AttendanceRow => ({
  postId: 'p',
  role: 'member',
  roleName: '成员',
  personName: '',
  title: '',
  unitName: '',
  status: 'unmarked',
  reason: '',
  substitute: '',
  ...over,
});

function detail(over: Partial<MeetingDetail> = {}): MeetingDetail {
  return {
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
    attendance: [
      row({ postId: 'a', personName: '倪任华', title: '市教育局副局长', unitName: '市教育局' }),
      row({
        postId: 'b',
        personName: '林小彭',
        roleName: '成员、办公室主任',
        title: '市民政局副局长、联席会议办公室主任',
        status: 'absent',
        reason: '出差',
        substitute: '陈某某',
      }),
    ],
    attending: [],
    decisions: [],
    minutes: [],
    jointMeetings: [],
    ...over,
  };
}

describe('attendance: 请假 with a substitute', () => {
  it('sends the substitute named with the 请假, and shows one already recorded', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'meetings.get': () => detail(),
      'attendance.mark': () => ({ id: 'x' }),
    });
    const { user } = renderApp(api, '/meetings/p1');
    const attendance = await screen.findByRole('region', { name: '出席情况' });
    expect(within(attendance).getByRole('row', { name: /林小彭/ })).toHaveTextContent(
      '请假（出差），陈某某代为出席',
    );

    await user.click(within(attendance).getByRole('button', { name: '倪任华请假' }));
    await user.type(within(attendance).getByLabelText('倪任华请假事由'), '参加省里会议');
    await user.type(within(attendance).getByLabelText('倪任华代为出席人员'), '李某某');
    await user.click(within(attendance).getByRole('button', { name: '登记倪任华请假' }));
    expect(api.callsTo('attendance.mark')).toEqual([
      { meetingId: 'p1', postId: 'a', status: 'absent', reason: '参加省里会议', substitute: '李某某' },
    ]);
    // No substitute named: none is sent.
    await user.clear(within(attendance).getByLabelText('倪任华代为出席人员'));
    await user.click(within(attendance).getByRole('button', { name: '登记倪任华请假' }));
    expect(api.callsTo('attendance.mark').at(-1)).toEqual({
      meetingId: 'p1',
      postId: 'a',
      status: 'absent',
      reason: '参加省里会议',
    });
  });

  it('keeps a person marked earlier whom the day’s composition no longer lists, with the mark, and can change it', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'meetings.get': () =>
        detail({
          attendance: [
            row({ postId: 'new', personName: '接任甲', status: 'unmarked' }),
            row({
              postId: 'recorded:old',
              personName: '马儒生',
              role: 'convener',
              roleName: '召集人',
              status: 'present',
            }),
          ],
        }),
      'attendance.mark': () => ({ id: 'x' }),
    });
    const { user } = renderApp(api, '/meetings/p1');
    const attendance = await screen.findByRole('region', { name: '出席情况' });
    const kept = within(attendance).getByRole('row', { name: /马儒生/ });
    expect(kept).toHaveTextContent('已登记；按现在的组成人员，会议当天不在名单中');
    expect(kept).toHaveTextContent('出席');
    expect(within(attendance).getByRole('row', { name: /接任甲/ })).not.toHaveTextContent('不在名单');
    await user.click(within(kept).getByRole('button', { name: '马儒生请假' }));
    await user.type(within(kept).getByLabelText('马儒生请假事由'), '出差');
    await user.click(within(kept).getByRole('button', { name: '登记马儒生请假' }));
    expect(api.callsTo('attendance.mark')).toEqual([
      { meetingId: 'p1', postId: 'recorded:old', status: 'absent', reason: '出差' },
    ]);
  });

  it('says a liaison meeting lists the member units’ liaisons', async () => {
    const api = createFakeApi({
      'app.status': () => fakeStatus(),
      'meetings.get': () =>
        detail({
          kind: 'liaison',
          name: '2025年第一次联络员会议',
          attendance: [
            row({
              postId: 'liaison.jiaoyu',
              role: 'liaison',
              roleName: '联络员',
              personName: '李联络',
              title: '市教育局办公室主任',
            }),
          ],
        }),
    });
    renderApp(api, '/meetings/p1');
    const attendance = await screen.findByRole('region', { name: '出席情况' });
    expect(attendance).toHaveTextContent('名单按会议当天（2025-03-20）各成员单位的联络员生成。');
    expect(within(attendance).getByRole('row', { name: /李联络/ })).toHaveTextContent('市教育局办公室主任');
  });
});
