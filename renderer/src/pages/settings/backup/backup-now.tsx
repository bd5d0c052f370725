// 立即备份: a backup file written now into a folder the person chooses, normally a USB stick that then leaves the PC.
// The desktop picks the folder in its dialog; the browser preview may only write inside its exchange folder.
import { useState, type FormEvent } from 'react';
import type { BackupMade } from '../../../../../electron/contract/schemas/backup';
import { toApiError } from '../../../api/api-error';
import { useApi } from '../../../api/client';
import { pickFile, type Picked } from '../../../api/picked-files';
import { Field } from '../../../components/form/field';
import { PickField } from '../../../components/form/pick-field';

interface Props {
  desktop: boolean;
  passphraseSet: boolean;
  onMade: () => Promise<void>;
}

export function BackupNow({ desktop, passphraseSet, onMade }: Props) {
  const api = useApi();
  const [folder, setFolder] = useState<Picked | null>(null);
  const [folderPath, setFolderPath] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<BackupMade | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async () => {
    setFieldError(undefined);
    try {
      const picked = await pickFile(api, 'folder', 'backup');
      if (picked) setFolder(picked);
    } catch (err) {
      setFieldError(toApiError(err).message);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setMade(null);
    setError(null);
    if (desktop && !folder) return setFieldError('请选择保存备份的文件夹（如 U 盘）');
    setFieldError(undefined);
    setBusy(true);
    try {
      // The preview's exchange folder itself when no folder inside it is named.
      const where = desktop && folder ? { folderHandle: folder.handle } : { folder: folderPath.trim() || '.' };
      setMade(await api.invoke('backup.create', where));
      await onMade();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-label="立即备份">
      {!passphraseSet && <p className="warn-box">请先设置备份口令，才能备份。</p>}
      {desktop ? (
        <PickField
          label="保存到文件夹"
          hint={folder ? `已选择：${folder.name}` : 'U 盘或其他本机以外的存储'}
          error={fieldError}
          button="选择文件夹…"
          disabled={busy || !passphraseSet}
          onPick={() => void choose()}
        />
      ) : (
        <Field
          label="保存到交换文件夹中的文件夹"
          hint="本机预览只能写入交换文件夹。填写其中已有的文件夹，如：U盘备份；不填则直接保存在交换文件夹中。"
          error={fieldError}
        >
          <input
            type="text"
            className="input"
            spellCheck={false}
            disabled={busy || !passphraseSet}
            value={folderPath}
            onChange={(e) => setFolderPath(e.target.value)}
          />
        </Field>
      )}
      {error && (
        <div className="form-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy || !passphraseSet}>
          {busy ? '正在备份……' : '立即备份'}
        </button>
      </div>
      {made && (
        <div className="ok-box" role="status">
          <p>
            已备份到 <strong>{made.fileName}</strong>：儿童 {made.manifest.summary.children} 名，会议{' '}
            {made.manifest.summary.meetings} 次，督办事项 {made.manifest.summary.tasks} 件，操作记录{' '}
            {made.manifest.operations} 条。
          </p>
          <p>备份文件已加密。请把 U 盘与电脑分开存放，不要通过电子邮件、微信或 QQ 发送，也不要上传到网盘。</p>
        </div>
      )}
    </form>
  );
}
