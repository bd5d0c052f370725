// What a backup holds beside the data now in use: who made it and when, and the figures a clerk can check.
import type { BackupCheckView } from '../../../../../electron/contract/schemas/backup';
import { backupKindNames } from '../../../components/backup/backup-source';
import { formatDateTime } from '../../users/format-time';

export function BackupCompare({ check }: { check: BackupCheckView }) {
  const { manifest, live } = check;
  const rows: [string, number, number, string][] = [
    ['儿童', manifest.summary.children, live.children, '名'],
    ['会议', manifest.summary.meetings, live.meetings, '次'],
    ['督办事项', manifest.summary.tasks, live.tasks, '件'],
    ['操作记录', manifest.operations, live.operations, '条'],
  ];
  return (
    <>
      <dl className="details">
        <dt>备份时间</dt>
        <dd>{formatDateTime(manifest.createdAt)}</dd>
        <dt>制作人</dt>
        <dd>
          {manifest.createdByName}（{backupKindNames[manifest.kind]}）
        </dd>
        <dt>所属单位</dt>
        <dd>
          {manifest.office.name}（{manifest.office.code}）
        </dd>
      </dl>
      {!check.sameOffice && (
        <p className="warn-box">该备份不是本单位的数据，不能恢复到这里。</p>
      )}
      {manifest.journalDamage && (
        <p className="warn-box">
          制作这份备份时，操作日志已有 {manifest.journalDamage.lines} 行损坏（{manifest.journalDamage.detail}），备份中也带着这些损坏，恢复后无法通过完整性检查。请选择更早的备份。
        </p>
      )}
      <table className="x-table numbers">
        <caption>备份与当前数据对比</caption>
        <thead>
          <tr>
            <th scope="col">项目</th>
            <th scope="col">备份中</th>
            <th scope="col">当前数据</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, backup, now, unit]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>
                {backup} {unit}
              </td>
              <td>
                {now} {unit}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
