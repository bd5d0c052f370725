// 首页提醒 for administrators: no backup has left the PC for longer than the office's reminder days (or none ever
// has), or no backup passphrase is set, so nothing can be backed up at all. A damaged disk or a lost PC would take
// the ledger with it; the link leads to 设置 → 备份与恢复.
import { Link } from 'react-router';
import { useAppStatus } from '../../app/app-status';
import { paths } from '../../app/nav-items';
import { BACKUP_ANCHOR } from '../settings/backup/backup-section';
import { formatDateTime } from '../users/format-time';

export function BackupReminder() {
  const reminder = useAppStatus().status.backupReminder;
  if (!reminder || (reminder.passphraseSet && !reminder.due)) return null;
  const to = { pathname: paths.settings, hash: BACKUP_ANCHOR };
  return (
    <section aria-labelledby="home-backup" className="warn-box">
      <h2 id="home-backup">{reminder.passphraseSet ? '请备份到 U 盘' : '尚未设置备份口令'}</h2>
      {reminder.passphraseSet ? (
        <p>
          {reminder.lastExternalAt
            ? `已超过 ${reminder.reminderDays} 天没有备份到本机以外（如 U 盘），上次是 ${formatDateTime(reminder.lastExternalAt)}。`
            : '还从未备份到本机以外（如 U 盘）。'}
          电脑损坏或丢失时，本机的数据和自动备份会一起丢失。
        </p>
      ) : (
        <p>还没有设置备份口令：程序不能自动备份，也不能备份到 U 盘。电脑或数据文件损坏时，本单位的台账将无法找回。</p>
      )}
      <p>
        <Link to={to}>{reminder.passphraseSet ? '前往“设置 → 备份与恢复”立即备份' : '前往“设置 → 备份与恢复”设置备份口令'}</Link>
      </p>
    </section>
  );
}
