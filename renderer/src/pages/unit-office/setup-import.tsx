// At a new member unit's office (issue 14): the setup file the joint-meeting office made for this unit, with the
// one-time setup code its screen showed. Importing trusts the office's card and takes the unit's share; then both
// fingerprints are shown, to compare in the same sitting: the office's (read it against the office's screen) and this
// unit's own (the office trusts this unit's card after comparing it).
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/client';
import { useAppStatus } from '../../app/app-status';
import { Field } from '../../components/form/field';
import { Fingerprint } from '../../components/fingerprint';
import { downloadText, readBase64 } from '../exchange/files';
import { FormError, useSubmit } from '../units/form-kit';

interface Imported {
  office: { code: string; name: string; fingerprint: string };
  operations: number;
}

export function SetupImportSection({ needed }: { needed: boolean }) {
  const api = useApi();
  const { office } = useAppStatus();
  const [file, setFile] = useState<File | null>(null);
  const [code, setCode] = useState('');
  const [inputKey, setInputKey] = useState(0);
  const [done, setDone] = useState<Imported | null>(null);
  const [missing, setMissing] = useState(false);
  const submit = useSubmit();
  if (!needed && !done) return null;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setMissing(!file);
    if (!file) return;
    await submit.run(async () => {
      const r = await api.invoke('unitOffice.setupImport', { data: await readBase64(file), setupCode: code });
      setDone({ office: r.office, operations: r.operations });
      setFile(null);
      setCode('');
      setInputKey((k) => k + 1);
    });
  };
  const exportCard = async () => {
    const c = await api.invoke('exchange.card', {});
    downloadText(c.text, c.fileName);
  };

  return (
    <section aria-labelledby="desk-setup" className="u-card">
      <h2 id="desk-setup">导入设置文件</h2>
      {done ? (
        <div role="status" aria-label="设置完成">
          <p>
            已导入「{done.office.name}」（{done.office.code}）的设置文件，本单位的督办事项等已收到（
            {done.operations} 条记录）。
          </p>
          <p>请与联席会议办公室当面核对其指纹，应与办公室屏幕上显示的完全一致：</p>
          <Fingerprint value={done.office.fingerprint} />
          <p>再请办公室核对本单位的指纹，并把本单位名片交办公室信任：</p>
          <Fingerprint value={office.fingerprint} />
          <div className="form-actions">
            <button type="button" className="button" onClick={() => void exportCard()}>
              导出本单位名片
            </button>
            <Link to="/exchange">前往数据交换</Link>
          </div>
        </div>
      ) : (
        <form noValidate onSubmit={(e) => void save(e)} aria-label="导入设置文件">
          <p className="explain">
            联席会议办公室为本单位生成设置文件时，屏幕上会显示一次性的设置码。请当面取得设置文件（U
            盘）和设置码，在此导入。
          </p>
          <Field
            label="设置文件"
            hint="办公室导出的“关爱成员单位设置_….json”文件"
            error={missing ? '请选择设置文件' : undefined}
          >
            <input
              key={inputKey}
              type="file"
              accept=".json,application/json"
              className="input"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setMissing(false);
              }}
            />
          </Field>
          <Field
            label="设置码"
            hint="如 ABCD-EFGH-JKLM-NPQR，由办公室当面告知"
            error={submit.errors.setupCode}
          >
            <input
              className="input"
              autoComplete="off"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </Field>
          <FormError message={submit.formError} />
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={submit.busy}>
              导入设置文件
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
