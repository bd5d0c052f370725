// A printable document shown as the very page that prints, with 打印 and 保存为 PDF: on the desktop through the shell,
// in the browser preview through the browser's own dialog (where PDF is one choice).
import { useRef, useState } from 'react';
import { useApi } from '../../api/client';
import { toApiError } from '../../api/api-error';
import { useAppStatus } from '../../app/app-status';
import { useQuery } from '../../hooks/use-query';

export function PrintPreview({ kind, id, entities, label }: { kind: string; id: string; entities: string[]; label: string }) {
  const api = useApi();
  const { status } = useAppStatus();
  const desktop = status.shell === 'desktop';
  const printed = useQuery('print.render', { kind, id }, { entities });
  const frame = useRef<HTMLIFrameElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const browserPrint = () => frame.current?.contentWindow?.print();
  const print = async () => {
    setMessage(null);
    if (!desktop) return browserPrint();
    try {
      await api.invoke('print.print', { kind, id });
    } catch (err) {
      setMessage(toApiError(err).message);
    }
  };
  const pdf = async () => {
    setMessage(null);
    if (!desktop) {
      setMessage('在打印对话框中将“目标打印机”选为“另存为 PDF”即可保存。');
      return browserPrint();
    }
    try {
      const r = await api.invoke('print.pdf', { kind, id });
      if (r.saved) setMessage(`已保存：${r.filePath ?? ''}`);
    } catch (err) {
      setMessage(toApiError(err).message);
    }
  };
  return (
    <div className="u-card" role="group" aria-label={label}>
      <div className="form-actions">
        <button type="button" className="button primary" onClick={() => void print()} disabled={!printed.data}>
          打印
        </button>
        <button type="button" className="button" onClick={() => void pdf()} disabled={!printed.data}>
          保存为 PDF
        </button>
      </div>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {printed.error && <div className="form-error" role="alert">{printed.error.message}</div>}
      {printed.data && <iframe ref={frame} className="u-print-preview" title={`${label}打印预览`} srcDoc={printed.data.html} />}
    </div>
  );
}
