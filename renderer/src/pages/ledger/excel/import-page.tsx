// 导入 Excel 台账: choose a file → check how its columns are read (and correct them), give fields the sheet lacks one
// value for all rows → see every row's outcome, problems and what each record will still lack (待完善) → confirm →
// result, with the rejected rows to download, correct and import again.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type {
  AbsentField,
  ColumnMapping,
  ImportDefaults,
  ImportPreview,
  ImportProgress,
  ImportResult,
  RowOutcome,
} from '../../../../../electron/contract/schemas/ledger-excel';
import { IMPORT_MAX_BYTES, IMPORT_TOO_LARGE_MESSAGE } from '../../../../../electron/contract/schemas/ledger-excel';
import { useApi } from '../../../api/client';
import { toApiError } from '../../../api/api-error';
import { Field } from '../../../components/form/field';
import { PickField } from '../../../components/form/pick-field';
import { Page } from '../../../components/page';
import { downloadBase64, readAsBase64 } from './download';
import { pickFile, saveMadeFile } from '../../../api/picked-files';
import { useQuery } from '../../../hooks/use-query';

const OUTCOME: Record<RowOutcome, string> = { new: '新增', update: '更新', unchanged: '无变化', rejected: '未通过' };
const PHASE: Record<ImportProgress['phase'], string> = { reading: '正在读取', checking: '正在核对', saving: '正在保存' };

/** The workbook as the page hands it on: bytes (a browser upload) or a handle (a desktop dialog). */
type Upload = { fileName: string; contentBase64: string } | { handle: string };

export function ImportPage() {
  const api = useApi();
  const [upload, setUpload] = useState<Upload | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  // Undefined until the first preview: the office's remembered values apply, and the preview says which they are.
  const [defaults, setDefaults] = useState<ImportDefaults | undefined>(undefined);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [error, setError] = useState('');
  // The shell does not change with the data: read once, not after every imported batch (issue 13).
  const desktop = useQuery('app.status', {}, { refetchOn: [] }).data?.shell === 'desktop';

  useEffect(() => api.on('ledgerImport.progress', (p) => setProgress(p)), [api]);

  const runPreview = async (u: Upload, m: ColumnMapping, d: ImportDefaults | undefined) => {
    setBusy(true);
    setError('');
    setProgress(null);
    try {
      const p = await api.invoke('ledgerImport.preview', { source: u, mapping: m, sample: 200, ...(d ? { defaults: d } : {}) });
      setPreview(p);
      setDefaults(inForce(p.absent));
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const choose = async (file: File | undefined) => {
    setPreview(null);
    setResult(null);
    setMapping({});
    setDefaults(undefined);
    if (!file) return;
    if (file.size > IMPORT_MAX_BYTES) {
      setError(IMPORT_TOO_LARGE_MESSAGE);
      return;
    }
    const u = { fileName: file.name, contentBase64: await readAsBase64(file) };
    setUpload(u);
    await runPreview(u, {}, undefined);
  };

  const pick = async () => {
    setPreview(null);
    setResult(null);
    setMapping({});
    setDefaults(undefined);
    try {
      const picked = await pickFile(api, 'open', 'ledgerImport');
      if (!picked) return;
      const u = { handle: picked.handle };
      setUpload(u);
      await runPreview(u, {}, undefined);
    } catch (err) {
      setError(toApiError(err).message);
    }
  };

  const remap = (index: number, target: string) => {
    if (!upload) return;
    const m = { ...mapping, [String(index)]: target };
    setMapping(m);
    void runPreview(upload, m, defaults);
  };

  const setDefault = (field: string, value: string | boolean | null) => {
    if (!upload) return;
    const d = { ...defaults };
    if (value === null || value === '') delete d[field];
    else d[field] = value;
    setDefaults(d);
    void runPreview(upload, mapping, d);
  };

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    setError('');
    try {
      setResult(await api.invoke('ledgerImport.commit', { importId: preview.importId, mapping, defaults: defaults ?? {} }));
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const downloadRejected = async () => {
    if (!preview) return;
    try {
      const f = await api.invoke('ledgerImport.rejectedXlsx', { importId: preview.importId });
      await saveMadeFile(api, desktop, { purpose: 'ledgerExport', ...f }, downloadBase64);
    } catch (err) {
      setError(toApiError(err).message);
    }
  };

  const step = result ? 3 : preview ? 2 : 1;

  return (
    <Page title="导入 Excel 台账">
      <ol className="xl-steps" aria-label="导入步骤">
        {['选择文件', '核对列和数据', '完成'].map((s, i) => (
          <li key={s} aria-current={step === i + 1 ? 'step' : undefined}>
            {s}
          </li>
        ))}
      </ol>

      {!result && (
        <section className="xl-section" aria-labelledby="xl-file">
          <h2 id="xl-file">1. 选择文件</h2>
          {desktop ? (
            <PickField
              label="表格文件（Excel、WPS 或 CSV）"
              hint="可为 .xlsx、.xls、WPS（.et）、.ods 或 .csv 文件。可直接使用乡镇（街道）现有的台账：表头可在标题行之下，可有合并的两级表头。只读取第一个工作表，文件不超过 50 MB。"
              button="选择文件…"
              disabled={busy}
              onPick={() => void pick()}
            />
          ) : (
            <Field
              label="表格文件（Excel、WPS 或 CSV）"
              hint="可为 .xlsx、.xls、WPS（.et）、.ods 或 .csv 文件。可直接使用乡镇（街道）现有的台账：表头可在标题行之下，可有合并的两级表头。只读取第一个工作表，文件不超过 50 MB。"
            >
              <input
                className="input"
                type="file"
                accept=".xlsx,.xls,.et,.ods,.csv"
                disabled={busy}
                onChange={(e) => void choose(e.target.files?.[0])}
              />
            </Field>
          )}
        </section>
      )}

      {busy && (
        <p className="xl-progress" role="status">
          {progress ? `${PHASE[progress.phase]}……已处理 ${progress.rows} 行` : '正在处理，请稍候……'}
          {progress?.fraction != null && <progress max={1} value={progress.fraction} aria-label="进度" />}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}

      {preview && !result && <PreviewView preview={preview} busy={busy} onRemap={remap} onDefault={setDefault} onCommit={commit} />}

      {result && preview && (
        <section className="xl-section" aria-labelledby="xl-done">
          <h2 id="xl-done">导入完成</h2>
          <p className="xl-summary" role="status">
            新增 {result.imported} 名{result.incomplete > 0 ? `（其中 ${result.incomplete} 名信息待完善）` : ''}，更新 {result.updated} 名，未写入{' '}
            {result.skipped} 行（其中有问题 {result.errors.length} 行）。
          </p>
          {result.incomplete > 0 && (
            <p className="field-hint">
              信息待完善的儿童已在台账中标出，可用“信息不完整”筛选：<Link to="/ledger?incomplete=1">查看待完善的儿童</Link>
            </p>
          )}
          {result.changes.length > 0 && (
            <>
              <h3>已更新的记录</h3>
              <ul className="xl-changes">
                {result.changes.map((c) => (
                  <li key={c.row}>
                    第{c.row}行 <Link to={`/ledger/${c.id}`}>{c.name}</Link>：
                    {c.changes.map((x) => `${x.label} ${x.from || '（空）'} → ${x.to || '（空）'}`).join('；')}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="toolbar">
            {result.errors.length > 0 && (
              <button type="button" className="button primary" onClick={() => void downloadRejected()}>
                下载未导入的行（Excel，含错误原因）
              </button>
            )}
            <Link className="button" to="/ledger">
              返回台账
            </Link>
          </div>
          {result.errors.length > 0 && (
            <p className="field-hint">请在下载的文件中按“错误原因”逐行改正，再导入该文件即可。</p>
          )}
        </section>
      )}
    </Page>
  );
}

/** The values for all rows the preview says are in force (the clerk's, or the office's remembered ones). */
function inForce(absent: readonly AbsentField[]): ImportDefaults {
  const d: ImportDefaults = {};
  for (const a of absent) if (a.value !== null) d[a.field] = a.value;
  return d;
}

function PreviewView({
  preview,
  busy,
  onRemap,
  onDefault,
  onCommit,
}: {
  preview: ImportPreview;
  busy: boolean;
  onRemap: (index: number, target: string) => void;
  onDefault: (field: string, value: string | boolean | null) => void;
  onCommit: () => void;
}) {
  const c = preview.counts;
  const writes = c.new + c.update;
  const headerText =
    preview.headerRows.length > 1
      ? `第 ${preview.headerRows[0]}–${preview.headerRows[preview.headerRows.length - 1]} 行为表头（两级）`
      : `第 ${preview.headerRows[0]} 行为表头`;
  return (
    <>
      <section className="xl-section" aria-labelledby="xl-map">
        <h2 id="xl-map">2. 核对各列</h2>
        <p>
          文件“{preview.fileName}”：{headerText}，第 {preview.dataStartRow} 行起为数据。请核对每一列导入为哪一项，不需要的列选“不导入”。确认导入后，本单位会记住这些选择。
        </p>
        {preview.missingRequired.length > 0 && (
          <p className="xl-warning" role="note">
            文件中没有以下项目，新增的儿童仍会导入，但记为“信息待完善”，以后再补全：{preview.missingRequired.join('、')}。
            全部儿童相同的项目，可以在下面统一填写。
          </p>
        )}
        <div className="table-scroll">
          <table className="data-table xl-mapping">
            <caption>列的对应关系</caption>
            <thead>
              <tr>
                <th scope="col">列</th>
                <th scope="col">表头</th>
                <th scope="col">示例</th>
                <th scope="col">导入为</th>
              </tr>
            </thead>
            <tbody>
              {preview.columns.map((col) => (
                <tr key={col.index}>
                  <th scope="row">{col.letter}</th>
                  <td>{col.header || '（无表头）'}</td>
                  <td className="xl-samples">{col.samples.join('、')}</td>
                  <td>
                    <select
                      className="input"
                      aria-label={`${col.letter}列（${col.header || '无表头'}）导入为`}
                      value={col.target}
                      disabled={busy}
                      onChange={(e) => onRemap(col.index, e.target.value)}
                    >
                      <option value="">不导入</option>
                      {preview.targets.map((t) => (
                        <option key={t.key} value={t.key}>
                          {t.label}
                        </option>
                      ))}
                    </select>
                    {col.how === 'remembered' && <span className="xl-tag">上次确认</span>}
                    {col.how === 'values' && col.reason && <span className="xl-reason">{col.reason}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {preview.absent.length > 0 && <AbsentFields absent={preview.absent} busy={busy} onDefault={onDefault} />}
      </section>

      <section className="xl-section" aria-labelledby="xl-rows">
        <h2 id="xl-rows">3. 核对数据</h2>
        <p className="xl-summary" role="status" aria-label="试导入结果">
          将导入 {c.new} 名{c.incomplete > 0 ? `（其中 ${c.incomplete} 名信息待完善）` : ''}
          {c.update > 0 ? `，更新 ${c.update} 名` : ''}
          {c.rejected > 0 ? `，${c.rejected} 行有问题不导入` : ''}。
        </p>
        <ul className="xl-counts" aria-label="核对结果">
          <li>
            共 <strong>{c.rows}</strong> 行
          </li>
          <li>
            新增 <strong>{c.new}</strong> 名
          </li>
          <li>
            更新 <strong>{c.update}</strong> 名
          </li>
          <li>
            无变化 <strong>{c.unchanged}</strong> 名
          </li>
          <li className={c.rejected ? 'xl-bad' : undefined}>
            有问题 <strong>{c.rejected}</strong> 行
          </li>
        </ul>
        {preview.problems.length > 0 && (
          <>
            <h3>有问题的行（不会导入）</h3>
            <ul className="xl-problems" aria-label="有问题的行">
              {preview.problems.map((p) => (
                <li key={p.row}>
                  <strong>第{p.row}行</strong>：{p.message}
                </li>
              ))}
            </ul>
          </>
        )}
        <div className="table-scroll">
          <table className="data-table xl-rows">
            <caption>前 {preview.rows.length} 行的核对结果（行号与 Excel 中一致）</caption>
            <thead>
              <tr>
                <th scope="col">行号</th>
                <th scope="col">姓名</th>
                <th scope="col">结果</th>
                <th scope="col">问题或变化</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.row} className={`xl-${r.outcome}`}>
                  <th scope="row">{r.row}</th>
                  <td>{r.name}</td>
                  <td>{OUTCOME[r.outcome]}</td>
                  <td>
                    {r.errors.map((e) => (
                      <div key={e.field} className="field-error">
                        {e.column ? `${e.column}列 ` : ''}
                        {e.message}
                      </div>
                    ))}
                    {r.changes.map((x) => (
                      <div key={x.field}>
                        {x.label}：{x.from || '（空）'} → {x.to || '（空）'}
                      </div>
                    ))}
                    {r.missing.length > 0 && <div className="xl-missing">信息待完善：缺{r.missing.join('、')}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="toolbar">
          <button type="button" className="button primary" disabled={busy || writes === 0} onClick={onCommit}>
            {writes === 0 ? '没有可导入的行' : `确认导入（新增 ${c.new} 名，更新 ${c.update} 名）`}
          </button>
          <Link className="button" to="/ledger">
            取消
          </Link>
        </div>
      </section>
    </>
  );
}

/** Fields the sheet has no column for: one value for every row, or none (the records are then 待完善 for it). */
function AbsentFields({
  absent,
  busy,
  onDefault,
}: {
  absent: readonly AbsentField[];
  busy: boolean;
  onDefault: (field: string, value: string | boolean | null) => void;
}) {
  return (
    <fieldset className="form-section">
      <legend>文件中没有的项目（统一填写）</legend>
      <p className="field-hint">
        全部儿童情况相同的，可选定一个值，填入每一行；不清楚或各人不同的留空，导入后这些儿童记为“信息待完善”。这些选择会随列的对应关系一并记住。
      </p>
      <div className="xl-defaults">
        {absent.map((a) => (
          <Field key={a.field} label={`${a.label}（全部行）`}>
            {a.kind === 'text' ? (
              <input
                className="input"
                defaultValue={typeof a.value === 'string' ? a.value : ''}
                disabled={busy}
                onBlur={(e) => {
                  if (e.target.value.trim() !== (a.value ?? '')) onDefault(a.field, e.target.value.trim());
                }}
              />
            ) : (
              <select
                className="input"
                value={a.value === null ? '' : a.kind === 'bool' ? (a.value ? 'yes' : 'no') : String(a.value)}
                disabled={busy}
                onChange={(e) => {
                  const v = e.target.value;
                  onDefault(a.field, v === '' ? null : a.kind === 'bool' ? v === 'yes' : v);
                }}
              >
                <option value="">不统一填写</option>
                {a.kind === 'bool' ? (
                  <>
                    <option value="yes">是</option>
                    <option value="no">否</option>
                  </>
                ) : (
                  a.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))
                )}
              </select>
            )}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
