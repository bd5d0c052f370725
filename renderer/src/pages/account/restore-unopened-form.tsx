// 从备份恢复 on the sign-in page, for when the data cannot be opened (damaged or missing) and so nobody can sign in:
// the backup passphrase opens the backup, and the user name and password of an administrator in the backed-up data
// must open the restored data. The data that could not be opened is moved aside, not deleted.
import { useEffect, useState, type FormEvent } from 'react';
import type { BackupRestored, BackupStatusView } from '../../../../electron/contract/schemas/backup';
import { toApiError } from '../../api/api-error';
import { useApi } from '../../api/client';
import { BackupSourceField } from '../../components/backup/backup-source-field';
import { emptySource, sourceArgs } from '../../components/backup/backup-source';
import { Field } from '../../components/form/field';

interface Props {
  desktop: boolean;
  onRestored: (result: BackupRestored) => void | Promise<void>;
}

type Errors = { source?: string; passphrase?: string; login?: string; password?: string };

export function RestoreUnopenedForm({ desktop, onRestored }: Props) {
  const api = useApi();
  const [source, setSource] = useState(emptySource);
  const [passphrase, setPassphrase] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The automatic backups to choose from (names and times only); without the list the name is typed.
  const [locals, setLocals] = useState<BackupStatusView['local'] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    api.invoke('backup.listUnopened', {}).then(
      (list) => live && setLocals(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    const file = sourceArgs(source, desktop);
    const missing: Errors = {
      ...('missing' in file ? { source: file.missing } : {}),
      ...(passphrase ? {} : { passphrase: '请输入备份口令' }),
      ...(login.trim() ? {} : { login: '请输入系统管理员的用户名' }),
      ...(password ? {} : { password: '请输入系统管理员的密码' }),
    };
    setErrors(missing);
    if ('missing' in file || Object.keys(missing).length > 0) return;
    setBusy(true);
    let result: BackupRestored;
    try {
      result = await api.invoke('backup.restoreUnopened', { ...file, passphrase, login: login.trim(), password });
    } catch (err) {
      const apiError = toApiError(err);
      setError(apiError.message);
      setPassword('');
      setBusy(false);
      return;
    }
    setPassword('');
    setPassphrase('');
    setBusy(false);
    await onRestored(result);
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-label="从备份恢复">
      <p className="explain">
        用 U
        盘上的备份或本机的自动备份恢复。无法打开的数据不会被删除，而是原样移到数据文件夹中以“replaced-”开头的文件夹里；备份之后所做的修改不在备份中。须输入备份口令，以及备份中一名系统管理员的用户名和密码。
      </p>
      <BackupSourceField
        draft={source}
        onChange={(d) => {
          setSource(d);
          setErrors((x) => ({ ...x, source: undefined }));
        }}
        desktop={desktop}
        {...(locals ? { locals } : {})}
        error={errors.source}
        disabled={busy}
        unopened
      />
      <Field label="备份口令" hint="制作该备份时使用的备份口令" error={errors.passphrase}>
        <input
          type="password"
          autoComplete="off"
          className="input input-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </Field>
      <Field label="管理员用户名" hint="备份中一名系统管理员的用户名" error={errors.login}>
        <input
          type="text"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          className="input"
          value={login}
          onChange={(e) => setLogin(e.target.value)}
        />
      </Field>
      <Field label="管理员密码" hint="该管理员在备份时的密码" error={errors.password}>
        <input
          type="password"
          autoComplete="off"
          className="input input-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      {error && (
        <div className="form-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? '正在恢复……' : '从备份恢复'}
        </button>
      </div>
    </form>
  );
}
