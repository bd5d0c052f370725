// 导入数据包: choose the file → verification result → dry run → confirm → applied, all or nothing.
import { useState, type ChangeEvent } from 'react';
import type { BundleCheck, DryRunSummary, ImportResult } from '../../../../electron/contract/schemas/exchange';
import { entityLabel } from '../../../../electron/contract/schemas/exchange';
import { ApiError, useApi } from '../../api/client';
import { Field } from '../../components/form/field';
import { PickField } from '../../components/form/pick-field';
import { formatTime, readBase64 } from './files';
import { pickFile } from '../../api/picked-files';

/** The bundle as the page hands it on: bytes (a browser upload) or a handle (a desktop dialog). */
type Source = { data: string; fileName: string } | { handle: string };

interface Chosen {
  source: Source;
  check: BundleCheck;
  dry: DryRunSummary;
}

export function ImportSection({ desktop }: { desktop: boolean }) {
  const api = useApi();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  const verifyAndTry = async (source: Source) => {
    const verified = await api.invoke('exchange.verify', source);
    const dry = await api.invoke('exchange.dryRun', source);
    setChosen({ source, check: verified, dry });
  };

  const start = async (get: () => Promise<Source | null>) => {
    setChosen(null);
    setError(null);
    setResult(null);
    setBusy(true);
    try {
      const source = await get();
      if (source) await verifyAndTry(source);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '无法读取所选文件。');
    } finally {
      setBusy(false);
    }
  };

  const choose = (e: ChangeEvent<HTMLInputElement>) =>
    start(async () => {
      const file = e.target.files?.[0];
      return file ? { data: await readBase64(file), fileName: file.name } : null;
    });

  const pick = () =>
    start(async () => {
      const picked = await pickFile(api, 'open', 'bundle');
      return picked ? { handle: picked.handle } : null;
    });

  const apply = async () => {
    if (!chosen) return;
    setBusy(true);
    try {
      setResult(await api.invoke('exchange.import', chosen.source));
      setChosen(null);
      setInputKey((k) => k + 1);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '导入失败，本单位数据未作任何改动。');
    } finally {
      setBusy(false);
    }
  };

  const c = chosen?.check;
  const d = chosen?.dry;
  return (
    <section aria-labelledby="x-import" className="x-section">
      <h2 id="x-import">导入数据包</h2>
      <p className="explain">先核验签名、接收单位和内容，再试算导入结果；确认后一次性导入，不会只导入一部分。同一数据包重复导入不会改动任何数据。</p>
      {desktop ? (
        <PickField label="数据包文件" hint="对方导出的 .guanai 文件" button="选择文件…" disabled={busy} onPick={() => void pick()} />
      ) : (
        <Field label="数据包文件" hint="对方导出的 .guanai 文件">
          <input key={inputKey} type="file" accept=".guanai" className="input" disabled={busy} onChange={(e) => void choose(e)} />
        </Field>
      )}
      {busy && <p role="status">正在核验……</p>}
      {error && (
        <div className="form-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {c && d && (
        <div className="x-card">
          <h3>核验结果</h3>
          <p className="x-ok">✔ 签名有效，确为「{c.sender.name}」所发；接收单位是本单位；内容完整。</p>
          <dl className="details">
            <dt>发送单位</dt>
            <dd>
              {c.sender.name}（{c.sender.code}）
            </dd>
            <dt>导出时间</dt>
            <dd>{formatTime(c.createdAt)}</dd>
            <dt>修改记录</dt>
            <dd>{c.operations} 条</dd>
          </dl>
          <h3>试算结果</h3>
          {d.alreadyApplied ? (
            <p role="status">此数据包的全部记录均已导入过，导入不会改动任何数据。</p>
          ) : (
            <table className="x-table numbers">
              <caption>导入后各类记录的变化（尚未导入）</caption>
              <thead>
                <tr>
                  <th scope="col">类别</th>
                  <th scope="col">新增</th>
                  <th scope="col">更新</th>
                  <th scope="col">未变</th>
                  <th scope="col">冲突</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(d.byEntity).map(([e, n]) => (
                  <tr key={e}>
                    <th scope="row">{n.label || entityLabel(e)}</th>
                    <td>{n.new}</td>
                    <td>{n.updated}</td>
                    <td>{n.unchanged}</td>
                    <td>{n.conflicts}</td>
                  </tr>
                ))}
                <tr className="x-total">
                  <th scope="row">合计</th>
                  <td>{d.new}</td>
                  <td>{d.updated}</td>
                  <td>{d.unchanged}</td>
                  <td>{d.conflicts}</td>
                </tr>
              </tbody>
            </table>
          )}
          {d.conflicts > 0 && <p className="x-warn">有 {d.conflicts} 条记录与本单位的修改冲突：双方的值都会保留，导入后请在下方“冲突”中选定。</p>}
          <div className="form-actions">
            <button type="button" className="button primary" disabled={busy || d.alreadyApplied} onClick={() => void apply()}>
              确认导入
            </button>{' '}
            <button type="button" className="button" onClick={() => { setChosen(null); setInputKey((k) => k + 1); }}>
              取消
            </button>
          </div>
        </div>
      )}
      {result && (
        <p role="status" className="x-result">
          {result.applied
            ? `已导入「${result.sender.name}」的数据包：新增 ${result.new} 条，更新 ${result.updated} 条，未变 ${result.unchanged} 条，冲突 ${result.conflicts} 条。`
            : '此数据包的全部记录均已导入过，未作任何改动。'}
          {result.transfersAccepted > 0 ? ` 接收转入儿童 ${result.transfersAccepted} 名。` : ''}
        </p>
      )}
    </section>
  );
}
