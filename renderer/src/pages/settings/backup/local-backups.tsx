// 本机自动备份: what the app keeps in DATA/backups (daily and on quit, the old ones thinned out). They stay on this
// PC, so they help after a damaged file, not after a lost or broken PC.
import type { BackupStatusView } from '../../../../../electron/contract/schemas/backup';
import { localKindNames } from '../../../components/backup/backup-source';
import { formatDateTime } from '../../users/format-time';

export function LocalBackups({ local, passphraseSet }: { local: BackupStatusView['local']; passphraseSet: boolean }) {
  if (local.length === 0) {
    return (
      <p className="explain">
        {passphraseSet
          ? '还没有自动备份。程序每天第一次登录后和退出时自动备份一次。'
          : '还没有自动备份。设置备份口令后，程序每天第一次登录后和退出时自动备份一次。'}
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>本机自动备份（{local.length} 份，保存在数据文件夹的 backups 中）</caption>
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">类型</th>
            <th scope="col">文件名</th>
          </tr>
        </thead>
        <tbody>
          {local.map((b) => (
            <tr key={b.name}>
              <td>{formatDateTime(b.at)}</td>
              <td>{localKindNames[b.kind]}</td>
              <td>
                <code className="path">{b.name}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
