// One version of a meeting's minutes as the official document the print pipeline lays out (GB/T 9704 clause 10.3).
import type { MeetingDetail, MinutesSettings, MinutesVersion } from '../../contract/schemas/meetings';
import type { OfficialDocument } from '../../print/document-model';
import { printedAttendance } from './attendance';

export function minutesDocument(
  meeting: MeetingDetail,
  version: MinutesVersion,
  settings: MinutesSettings,
  options: { today: string; demo: boolean },
): OfficialDocument {
  const latest = meeting.minutes[meeting.minutes.length - 1];
  const notice =
    version.status === 'draft'
      ? '草稿 未印发'
      : version.status === 'superseded'
        ? `已更正，以第${latest?.version ?? version.version + 1}版为准`
        : undefined;
  const date = version.issuedDate ?? options.today;
  const doc: OfficialDocument = {
    kind: 'minutes',
    mark: settings.mark,
    markPlacement: settings.markPlacement ?? 'gb',
    issuer: settings.issuer,
    date,
    title: version.title,
    // A correction is a document of its own that names what it replaces.
    blocks: version.corrects
      ? [{ type: 'paragraph', text: `本纪要系对${version.corrects}纪要的更正，原纪要同时作废。` }, ...version.blocks]
      : version.blocks,
    attendance: printedAttendance(meeting.attendance, meeting.attending),
    distribution: { label: settings.copyLabel, to: settings.copyTo },
    issuingLine: { office: settings.issuer, date },
    demo: options.demo,
  };
  const sendTo = version.sendTo.filter((unit) => unit.trim().length > 0);
  if (sendTo.length > 0) doc.delivery = { label: '分送', to: sendTo };
  if (version.number) doc.number = version.number;
  if (notice) doc.maskNotice = notice;
  return doc;
}
