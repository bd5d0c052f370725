// 备份文件: where the backup to verify or restore comes from. A file on a USB stick or elsewhere (the desktop's
// open dialog; in the browser preview a path inside its exchange folder, the only folder it may read), or one of the
// automatic backups the app keeps in the data folder (a list in 设置; typed by name on the sign-in page, where the
// list cannot be read while the data is closed).
import { useId, useState } from 'react';
import type { BackupStatusView } from '../../../../electron/contract/schemas/backup';
import { toApiError } from '../../api/api-error';
import { useApi } from '../../api/client';
import { pickFile } from '../../api/picked-files';
import { formatDateTime } from '../../pages/users/format-time';
import { Field } from '../form/field';
import { PickField } from '../form/pick-field';
import { localKindNames, type SourceDraft } from './backup-source';

interface Props {
  draft: SourceDraft;
  onChange: (draft: SourceDraft) => void;
  desktop: boolean;
  /** The automatic backups to choose from; without a list the person types the file name. */
  locals?: BackupStatusView['local'];
  error?: string | undefined;
  disabled?: boolean;
  /** On the sign-in page while the data cannot be opened: nobody is signed in, so the dialog has its own channel. */
  unopened?: boolean;
}

export function BackupSourceField({ draft, onChange, desktop, locals, error, disabled, unopened }: Props) {
  const api = useApi();
  const name = useId();
  const [pickError, setPickError] = useState<string | null>(null);

  const pick = async () => {
    setPickError(null);
    try {
      if (unopened) {
        const r = await api.invoke('files.pickBackupUnopened', {});
        if ('handle' in r) onChange({ ...draft, picked: r });
      } else {
        const picked = await pickFile(api, 'open', 'backup');
        if (picked) onChange({ ...draft, picked });
      }
    } catch (err) {
      setPickError(toApiError(err).message);
    }
  };

  const fieldError = error ?? pickError ?? undefined;
  return (
    <fieldset className="checks">
      <legend>备份文件</legend>
      <label className="check">
        <input
          type="radio"
          name={name}
          checked={draft.from === 'file'}
          disabled={disabled}
          onChange={() => onChange({ ...draft, from: 'file' })}
        />
        U 盘或其他文件夹中的备份文件
      </label>
      <label className="check">
        <input
          type="radio"
          name={name}
          checked={draft.from === 'local'}
          disabled={disabled}
          onChange={() => onChange({ ...draft, from: 'local' })}
        />
        本机的自动备份
      </label>
      {draft.from === 'file' &&
        (desktop ? (
          <PickField
            label="所选备份文件"
            hint={draft.picked ? `已选择：${draft.picked.name}` : '扩展名为 .gbak 的文件'}
            error={fieldError}
            button="选择备份文件…"
            disabled={disabled}
            onPick={() => void pick()}
          />
        ) : (
          <Field
            label="备份文件在交换文件夹中的路径"
            hint="本机预览只能读取交换文件夹中的文件，如：U盘备份/关爱备份-445200-20261207-183000.gbak"
            error={fieldError}
          >
            <input
              type="text"
              className="input"
              spellCheck={false}
              disabled={disabled}
              value={draft.path}
              onChange={(e) => onChange({ ...draft, path: e.target.value })}
            />
          </Field>
        ))}
      {draft.from === 'local' &&
        (locals ? (
          <Field label="自动备份" hint="程序每天和退出时自动备份到数据文件夹的 backups 中" error={fieldError}>
            <select
              className="input input-select"
              disabled={disabled}
              value={draft.local}
              onChange={(e) => onChange({ ...draft, local: e.target.value })}
            >
              <option value="">{locals.length ? '请选择' : '（还没有自动备份）'}</option>
              {locals.map((b) => (
                <option key={b.name} value={b.name}>
                  {formatDateTime(b.at)}（{localKindNames[b.kind]}）
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <Field
            label="自动备份的文件名"
            hint="数据文件夹中 backups 文件夹里的文件名，如：关爱备份-445200-20261207-183000-每日.gbak"
            error={fieldError}
          >
            <input
              type="text"
              className="input"
              spellCheck={false}
              disabled={disabled}
              value={draft.local}
              onChange={(e) => onChange({ ...draft, local: e.target.value })}
            />
          </Field>
        ))}
    </fieldset>
  );
}
