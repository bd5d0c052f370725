// After a restore: what the data now holds, and where the data it replaced was put (kept, not overwritten).
import type { BackupRestored } from '../../../../electron/contract/schemas/backup';
import { formatDateTime } from '../../pages/users/format-time';

export function RestoredSummary({ restored }: { restored: BackupRestored }) {
  const { manifest, replaced } = restored;
  return (
    <div className="ok-box" role="status">
      <p>
        <strong>已从备份恢复。</strong>恢复后的数据（备份制作于 {formatDateTime(manifest.createdAt)}）：儿童{' '}
        {manifest.summary.children} 名，会议 {manifest.summary.meetings} 次，督办事项 {manifest.summary.tasks} 件，操作记录{' '}
        {manifest.operations} 条。
      </p>
      <p>
        恢复前的数据已原样保存在数据文件夹的“<code className="path">{replaced}</code>”文件夹中，没有被覆盖。备份之后所做的修改请核对后补录。
      </p>
    </div>
  );
}
