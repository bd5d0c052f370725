// 备份与恢复 (administrators): the backup passphrase, the reminder, 立即备份 to a USB stick, the automatic backups,
// 验证备份 and the restore drill 从备份恢复 — all in the app, so restoring is a button an office has tried, not a
// procedure in a manual.
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useAppStatus } from '../../../app/app-status';
import { useQuery } from '../../../hooks/use-query';
import { formatDateTime } from '../../users/format-time';
import { BackupNow } from './backup-now';
import { LocalBackups } from './local-backups';
import { PassphraseForm } from './passphrase-form';
import { ReminderForm } from './reminder-form';
import { RestoreBackup } from './restore-backup';
import { VerifyBackup } from './verify-backup';

/** The hash the home page's reminder links to. */
export const BACKUP_ANCHOR = 'backup';

export function BackupSection({ onDataReplaced }: { onDataReplaced: () => Promise<void> }) {
  const { status: app, refetch: refetchStatus } = useAppStatus();
  const { data, error, refetch } = useQuery('backup.status', {}, { entities: ['backupLog', 'backupSettings'] });
  const heading = useRef<HTMLHeadingElement>(null);
  const { hash } = useLocation();
  const desktop = app.shell === 'desktop';

  // Arrived from the home page's reminder: show this section once it has something to show.
  const loaded = data !== undefined;
  useEffect(() => {
    if (loaded && hash === `#${BACKUP_ANCHOR}`) heading.current?.scrollIntoView?.({ block: 'start' });
  }, [loaded, hash]);

  const changed = async () => {
    await Promise.all([refetch(), refetchStatus()]);
  };
  const replaced = async () => {
    await Promise.all([refetch(), refetchStatus(), onDataReplaced()]);
  };

  return (
    <section aria-labelledby="settings-backup" id={BACKUP_ANCHOR}>
      <h2 id="settings-backup" ref={heading}>
        备份与恢复
      </h2>
      <p className="explain">
        备份文件经过加密，只有用备份口令才能打开。请定期“立即备份”到 U 盘，并把 U
        盘与电脑分开存放：电脑损坏或丢失时，本机的自动备份也随之丢失。备份文件中有儿童和家庭的个人信息，切勿通过电子邮件、微信或
        QQ 发送，也不要上传到网盘。
      </p>
      {!data && !error && <p role="status">正在读取备份情况……</p>}
      {!data && error && (
        <div className="form-error" role="alert">
          <p>{error.message}</p>
          <button type="button" className="button" onClick={() => void refetch()}>
            重试
          </button>
        </div>
      )}
      {data && (
        <>
          <dl className="details">
            <dt>备份口令</dt>
            <dd>{data.passphraseSet ? `已设置（${formatDateTime(data.passphraseSetAt)}）` : '尚未设置'}</dd>
            <dt>上次备份到本机以外</dt>
            <dd>
              {data.lastExternal ? formatDateTime(data.lastExternal.at) : '从未'}
              {data.reminderDue && <strong className="warn-text">（已超过 {data.reminderDays} 天，请尽快备份）</strong>}
            </dd>
            <dt>最近一次备份</dt>
            <dd>{data.lastAny ? formatDateTime(data.lastAny.at) : '从未'}</dd>
          </dl>

          <section aria-labelledby="settings-backup-passphrase">
            <h3 id="settings-backup-passphrase">备份口令</h3>
            <PassphraseForm passphraseSet={data.passphraseSet} onSaved={changed} />
          </section>

          <section aria-labelledby="settings-backup-reminder">
            <h3 id="settings-backup-reminder">备份提醒</h3>
            <ReminderForm reminderDays={data.reminderDays} onSaved={changed} />
          </section>

          <section aria-labelledby="settings-backup-now">
            <h3 id="settings-backup-now">立即备份</h3>
            <BackupNow desktop={desktop} passphraseSet={data.passphraseSet} onMade={changed} />
          </section>

          <section aria-labelledby="settings-backup-local">
            <h3 id="settings-backup-local">本机自动备份</h3>
            <LocalBackups local={data.local} passphraseSet={data.passphraseSet} />
          </section>

          <section aria-labelledby="settings-backup-verify">
            <h3 id="settings-backup-verify">验证备份</h3>
            <p className="explain">读取整个备份文件，核对它完整、能打开，并与当前数据对比。不改动任何数据。</p>
            <VerifyBackup desktop={desktop} locals={data.local} />
          </section>

          <section aria-labelledby="settings-backup-restore">
            <h3 id="settings-backup-restore">从备份恢复</h3>
            <p className="explain">
              先读取备份、显示其中的内容，确认后才恢复。当前数据另行保存，不会被覆盖；备份之后所做的修改不在备份中。
            </p>
            <RestoreBackup desktop={desktop} locals={data.local} onRestored={replaced} />
          </section>
        </>
      )}
    </section>
  );
}
