// 导出数据包: choose a trusted office; the file holds what it should receive and has not confirmed.
import { useState, type FormEvent } from 'react';
import type { ArgsOf } from '../../../../electron/contract/channels';
import type { ExportResult, PeerView } from '../../../../electron/contract/schemas/exchange';
import { entityLabel } from '../../../../electron/contract/schemas/exchange';
import { ApiError, useApi } from '../../api/client';
import { Field } from '../../components/form/field';
import { PickField } from '../../components/form/pick-field';
import { downloadBase64 } from './files';
import { pickFile, type Picked } from '../../api/picked-files';

type ExportArgs = ArgsOf<'exchange.export'>;
/** The refusal of an export while the journal has unrecovered damage. */
const JOURNAL_DAMAGED = 'JOURNAL_DAMAGED';

export function ExportSection({ peers, desktop }: { peers: PeerView[]; desktop: boolean }) {
  const api = useApi();
  const trusted = peers.filter((p) => p.status === 'trusted');
  const [to, setTo] = useState('');
  const [full, setFull] = useState(false);
  // Desktop: a folder picked in the native dialog (the page holds only its handle and name).
  const [folder, setFolder] = useState<Picked | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<ExportResult | null>(null);
  const [busy, setBusy] = useState(false);
  // The journal has damage nobody recovered: the export was refused (JOURNAL_DAMAGED, its message names the damage)
  // and the person may still send what is intact; these are the arguments the refused export had.
  const [damagedRefusal, setDamagedRefusal] = useState<ExportArgs | null>(null);

  const chooseFolder = async () => {
    try {
      const picked = await pickFile(api, 'folder', 'bundle');
      if (picked) setFolder(picked);
    } catch (err) {
      setErrors({ _: err instanceof ApiError ? err.message : '无法打开文件夹选择窗口。' });
    }
  };

  const exportBundle = async (args: ExportArgs) => {
    setErrors({});
    setDamagedRefusal(null);
    setBusy(true);
    try {
      const r = await api.invoke('exchange.export', args);
      if (r.base64) downloadBase64(r.base64, r.fileName);
      setResult(r);
    } catch (err) {
      setErrors(err instanceof ApiError ? { ...(err.fields ?? {}), _: err.message } : { _: '导出失败。' });
      if (err instanceof ApiError && err.code === JOURNAL_DAMAGED && !args.allowDamaged) setDamagedRefusal(args);
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    setDamagedRefusal(null);
    if (!to) return setErrors({ to: '请选择接收单位' });
    if (desktop && !folder) return setErrors({ folder: '请选择保存数据包的文件夹（如 U 盘）' });
    await exportBundle({ to, full, ...(desktop && folder ? { folderHandle: folder.handle } : {}) });
  };

  return (
    <section aria-labelledby="x-export" className="x-section">
      <h2 id="x-export">导出数据包</h2>
      <p className="explain">
        数据包加密后只有接收单位能打开，并带有本单位签名。只包含对方应当收到、且尚未确认收到的记录：县级向市级报送台账和任务进展；市级向县级下发成员单位、会议、纪要和督办事项，以及对该县记录的更正。
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label="接收单位" error={errors.to}>
          <select className="input input-select" value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">请选择</option>
            {trusted.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}（{p.code}）
              </option>
            ))}
          </select>
        </Field>
        {desktop && (
          <PickField
            label="保存到文件夹"
            hint={folder ? `已选择：${folder.name}` : 'U 盘或其他文件夹'}
            error={errors.folder}
            button="选择文件夹…"
            onPick={() => void chooseFolder()}
          />
        )}
        <label className="x-check">
          <input type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} />
          完整副本（对方要求时使用：本单位保存的全部记录，本单位的设置和信任名单除外）
        </label>
        {errors._ && (
          <div className="form-error" role="alert">
            <p>{errors._}</p>
            {damagedRefusal && (
              <>
                <p>损坏的修改无法读取，不会在数据包中；其余完好的记录照常导出，数据包注明缺失，接收单位导入时可以看到。</p>
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => void exportBundle({ ...damagedRefusal, allowDamaged: true })}
                >
                  仍然导出完好部分
                </button>
              </>
            )}
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? '正在导出……' : '导出数据包'}
          </button>
        </div>
      </form>
      {result && (
        <div role="status" className="x-result">
          <p>
            已导出 <strong>{result.fileName}</strong>
            {result.filePath ? `，保存在 ${result.filePath}` : '，浏览器已开始下载'}。共 {result.operations} 条记录
            {result.withheld ? `（其中 ${result.withheld} 条为不发送给对方的记录占位）` : ''}。
          </p>
          {result.damaged && (
            <p className="x-warn">
              本单位操作日志有 {result.damaged.lines} 行损坏：其中 {result.damaged.operations} 条修改无法读取，数据包中只以缺失标记代替，接收单位导入时可以看到。
            </p>
          )}
          <p className="x-muted">
            {Object.entries(result.byEntity)
              .filter(([e]) => e !== 'withheld')
              .map(([e, n]) => `${entityLabel(e)} ${n}`)
              .join('，') || '没有新的记录，数据包只带有本单位的收到确认。'}
          </p>
        </div>
      )}
    </section>
  );
}
