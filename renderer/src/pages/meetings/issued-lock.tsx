// A meeting whose minutes are issued (and no correction is open) is read-only: its attendance, topics and decided
// items are what the issued minutes say. The handlers refuse changes; the pages show no way to make them.
import type { MeetingDetail } from '../../../../electron/contract/schemas/meetings';

export const isLocked = (meeting: Pick<MeetingDetail, 'minutesStatus'>) => meeting.minutesStatus === 'issued';

export function IssuedLockNote({ what }: { what: string }) {
  return (
    <p className="issued-lock" role="note">
      会议纪要已印发，{what}以印发的纪要为准，不能再修改。如确需修改，请在会议纪要页面“更正”，另起新版本。
    </p>
  );
}
