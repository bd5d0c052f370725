// 导出 Excel: the children the list shows, in the national registration form's column order. Masked by default;
// full ID numbers and phones only after the person ticks that they know it is personal information (recorded).
import { useEffect, useId, useRef, useState } from 'react';
import type { ChildListQuery } from '../../../../../electron/contract/schemas/ledger';
import { useApi } from '../../../api/client';
import { toApiError } from '../../../api/api-error';
import { downloadBase64 } from './download';
import { pickFile } from '../../../api/picked-files';
import { useQuery } from '../../../hooks/use-query';

interface Props {
  filters: ChildListQuery['filters'];
  search: string;
  /** How many children the list shows with these filters. */
  total: number;
}

export const UNMASKED_CONFIRMATION =
  '我知道完整的身份证号码和电话号码属于儿童及其家人的个人信息，导出的文件只用于工作，妥善保管、不外传；本次导出将被记录。';

export function ExportButton({ filters, search, total }: Props) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState('');
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        导出 Excel
      </button>
      {done && (
        <span className="xl-done" role="status">
          {done}
        </span>
      )}
      {open && (
        <ExportDialog
          filters={filters}
          search={search}
          total={total}
          onClose={(message) => {
            setOpen(false);
            if (message) setDone(message);
          }}
        />
      )}
    </>
  );
}

function ExportDialog({ filters, search, total, onClose }: Props & { onClose: (message?: string) => void }) {
  const api = useApi();
  const titleId = useId();
  const [unmasked, setUnmasked] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const first = useRef<HTMLInputElement>(null);
  // The shell does not change with the data: read once (issue 13).
  const desktop = useQuery('app.status', {}, { refetchOn: [] }).data?.shell === 'desktop';

  useEffect(() => first.current?.focus(), []);

  const run = async () => {
    setBusy(true);
    setError('');
    try {
      // Desktop: where to save is asked first, so a cancelled dialog exports (and records) nothing.
      const target = desktop ? await pickFile(api, 'save', 'ledgerExport', `留守儿童台账${unmasked ? '-完整信息' : ''}.xlsx`) : null;
      if (desktop && !target) return setBusy(false);
      const r = await api.invoke('ledgerExport.xlsx', { filters, search, unmasked, confirmed: unmasked && confirmed });
      const name = target
        ? (await api.invoke('files.write', { handle: target.handle, contentBase64: r.contentBase64 })).name
        : (downloadBase64(r.fileName, r.contentBase64), r.fileName);
      onClose(`已导出 ${r.rows} 名儿童（${name}）`);
    } catch (err) {
      setError(toApiError(err).message);
      setBusy(false);
    }
  };

  return (
    <div className="xl-backdrop">
      <div
        className="xl-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2 id={titleId}>导出 Excel</h2>
        <p>
          按全国统一的《农村留守儿童基本情况登记表》列顺序，导出列表当前筛选出的 <strong>{total}</strong> 名儿童，本单位的管理信息列在其后。
        </p>
        <p>默认隐藏身份证号码和电话号码的中间几位。</p>
        <label className="xl-check">
          <input
            ref={first}
            type="checkbox"
            checked={unmasked}
            onChange={(e) => {
              setUnmasked(e.target.checked);
              setConfirmed(false);
            }}
          />
          导出完整的身份证号码和电话号码
        </label>
        {unmasked && (
          <label className="xl-check xl-confirm">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            {UNMASKED_CONFIRMATION}
          </label>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="toolbar">
          <button type="button" className="button primary" disabled={busy || (unmasked && !confirmed)} onClick={() => void run()}>
            {busy ? '正在导出……' : '导出'}
          </button>
          <button type="button" className="button" onClick={() => onClose()}>
            取消
          </button>
        </div>
      </div>
    </div>
  );
}
