// The minutes' 印发范围 reaches the print as the 分送 line; an empty list prints none.
import type { MeetingDetail, MinutesSettings, MinutesVersion } from '../../../electron/contract/schemas/meetings';
import { minutesDocument } from '../../../electron/domain/meetings/minutes-document';

const settings: MinutesSettings = {
  numberStyle: 'qi',
  copyLabel: '抄报',
  copyTo: ['市人民政府'],
  mark: '揭阳市农村留守儿童关爱保护工作联席会议纪要',
  issuer: '揭阳市农村留守儿童关爱保护工作联席会议办公室',
};

function version(sendTo: string[]): MinutesVersion {
  return {
    id: 'm-1',
    version: 1,
    status: 'issued',
    title: '2025年第一次全体会议纪要',
    text: '会议议定如下。',
    blocks: [{ type: 'paragraph', text: '会议议定如下。' }],
    sendTo,
    number: '第1期',
    issuedDate: '2025-03-20',
    createdAt: '2025-03-19T02:00:00.000Z',
  };
}

function meeting(v: MinutesVersion): MeetingDetail {
  return { attendance: [], attending: [], minutes: [v] } as unknown as MeetingDetail;
}

describe('minutesDocument', () => {
  it('passes the distribution list as the 分送 line and keeps 抄报 as it was', () => {
    const v = version(['市民政局', ' ', '市教育局']);
    const doc = minutesDocument(meeting(v), v, settings, { today: '2025-03-21', demo: false });
    expect(doc.delivery).toEqual({ label: '分送', to: ['市民政局', '市教育局'] });
    expect(doc.distribution).toEqual({ label: '抄报', to: ['市人民政府'] });
  });

  it('prints no 分送 line when the minutes name no units', () => {
    const v = version([]);
    expect(minutesDocument(meeting(v), v, settings, { today: '2025-03-21', demo: false }).delivery).toBeUndefined();
  });
});
