// 验证备份: reads a whole backup file (its seal and content hash) without changing anything, and compares it with
// the data in use, so the office knows before it needs one that its backup opens and holds what it should.
import { useState, type FormEvent } from 'react';
import type { BackupCheckView, BackupStatusView } from '../../../../../electron/contract/schemas/backup';
import { toApiError } from '../../../api/api-error';
import { useApi } from '../../../api/client';
import { BackupSourceField } from '../../../components/backup/backup-source-field';
import { emptySource, sourceArgs } from '../../../components/backup/backup-source';
import { Field } from '../../../components/form/field';
import { BackupCompare } from './backup-compare';

export const PASSPHRASE_LABEL = '备份口令（不填则用本单位当前口令）';

export function VerifyBackup({ desktop, locals }: { desktop: boolean; locals: BackupStatusView['local'] }) {
  const api = useApi();
  const [source, setSource] = useState(emptySource);
  const [passphrase, setPassphrase] = useState('');
  const [sourceError, setSourceError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<BackupCheckView | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setCheck(null);
    setError(null);
    const file = sourceArgs(source, desktop);
    if ('missing' in file) return setSourceError(file.missing);
    setSourceError(undefined);
    setBusy(true);
    try {
      setCheck(await api.invoke('backup.verify', { ...file, ...(passphrase ? { passphrase } : {}) }));
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-label="验证备份">
      <BackupSourceField
        draft={source}
        onChange={(d) => {
          setSource(d);
          setSourceError(undefined);
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
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </Field>
      {error && (
        <div className="form-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? '正在验证……' : '验证备份'}
        </button>
      </div>
      {check && (
        <section className="x-card" aria-label="验证结果">
          <p className="x-ok" role="status">
            ✔ 备份文件完整，可以用该口令打开。验证没有改动任何数据。
          </p>
          <BackupCompare check={check} />
        </section>
      )}
    </form>
  );
}
