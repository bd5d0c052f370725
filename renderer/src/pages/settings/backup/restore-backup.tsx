// 从备份恢复, the restore drill: the backup is read and shown first (when, by whom, what it holds beside the data now
// in use), and only an explicit confirmation restores it. The data in use is moved aside, never overwritten, and the
// restore switches in only after the restored data passes the full integrity check.
import { useState, type FormEvent } from 'react';
import type {
  BackupCheckView,
  BackupRestored,
  BackupStatusView,
} from '../../../../../electron/contract/schemas/backup';
import { toApiError } from '../../../api/api-error';
import { useApi } from '../../../api/client';
import { BackupSourceField } from '../../../components/backup/backup-source-field';
import { emptySource, sourceArgs, type BackupSourceArgs } from '../../../components/backup/backup-source';
import { Field } from '../../../components/form/field';
import { formatDateTime } from '../../users/format-time';
import { BackupCompare } from './backup-compare';
import { RestoredSummary } from '../../../components/backup/restored-summary';
import { PASSPHRASE_LABEL } from './verify-backup';

interface Props {
  desktop: boolean;
  locals: BackupStatusView['local'];
  onRestored: () => Promise<void>;
}

interface Pending {
  file: BackupSourceArgs;
  passphrase: string;
  check: BackupCheckView;
}

export function RestoreBackup({ desktop, locals, onRestored }: Props) {
  const api = useApi();
  const [source, setSource] = useState(emptySource);
  const [passphrase, setPassphrase] = useState('');
  const [sourceError, setSourceError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [restored, setRestored] = useState<BackupRestored | null>(null);
  const [busy, setBusy] = useState(false);

  const withPassphrase = (file: BackupSourceArgs, p: string) => ({ ...file, ...(p ? { passphrase: p } : {}) });

  const read = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setPending(null);
    setRestored(null);
    setError(null);
    const file = sourceArgs(source, desktop);
    if ('missing' in file) return setSourceError(file.missing);
    setSourceError(undefined);
    setBusy(true);
    try {
      const check = await api.invoke('backup.verify', withPassphrase(file, passphrase));
      setPending({ file, passphrase, check });
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    if (!pending || busy) return;
    setBusy(true);
    setError(null);
    try {
      const done = await api.invoke('backup.restore', withPassphrase(pending.file, pending.passphrase));
      setPending(null);
      setRestored(done);
      setSource(emptySource);
      setPassphrase('');
      await onRestored();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const m = pending?.check.manifest;
  return (
    <div>
      <form noValidate onSubmit={(e) => void read(e)} aria-label="从备份恢复">
        <BackupSourceField
          draft={source}
          onChange={(d) => {
            setSource(d);
            setSourceError(undefined);
            setPending(null);
          }}
          desktop={desktop}
          locals={locals}
          error={sourceError}
          disabled={busy}
        />
        <Field label={PASSPHRASE_LABEL}>
          <input
            type="password"
            autoComplete="off"
            className="input input-password"
            value={passphrase}
            onChange={(e) => {
              setPassphrase(e.target.value);
              setPending(null);
            }}
          />
        </Field>
        {error && (
          <div className="form-error" role="alert">
            <p>{error}</p>
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy || pending !== null}>
            {busy && !pending ? '正在读取备份……' : '从备份恢复'}
          </button>
        </div>
      </form>
      {pending && m && (
        <section className="confirm-box" aria-label="确认从备份恢复">
          {pending.check.sameOffice && (
            <p>
              <strong>将用 {formatDateTime(m.createdAt)} 由{m.createdByName}制作的备份，替换本机当前使用的数据。</strong>
            </p>
          )}
          <BackupCompare check={pending.check} />
          {pending.check.sameOffice && (
            <ul>
              <li>当前数据不会被覆盖或删除：恢复前原样移到数据文件夹中一个以“replaced-”开头的文件夹里保存。</li>
              <li>
                备份制作之后在本机所做的修改不在备份中，恢复后不再显示，请核对后补录（当前有操作记录{' '}
                {pending.check.live.operations} 条，备份中 {m.operations} 条）。
              </li>
              <li>人员、密码、停用的账号和审计日志也回到备份时的状态：备份之后新增的人员需重新添加，改过的密码恢复为当时的密码。</li>
              <li>备份之后导入过的数据包需要重新导入；已发给其他单位的修改，对方仍保留。</li>
              <li>恢复前程序会完整检查备份中的数据，检查不通过则不作任何改动。</li>
            </ul>
          )}
          <div className="form-actions">
            {pending.check.sameOffice && (
              <button type="button" className="button primary" disabled={busy} onClick={() => void restore()}>
                {busy ? '正在恢复……' : '确认恢复'}
              </button>
            )}
            <button type="button" className="button" disabled={busy} onClick={() => setPending(null)}>
              取消
            </button>
          </div>
        </section>
      )}
      {restored && <RestoredSummary restored={restored} />}
    </div>
  );
}
