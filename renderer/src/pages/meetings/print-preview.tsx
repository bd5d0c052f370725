// Print preview of a document the main process renders (print.render), shown in a sandboxed frame, with 打印 and
// 保存为 PDF. The desktop app prints through Electron; the browser preview prints the frame with the browser's own
// dialog, where “另存为 PDF” saves the file.
import { useRef, useState } from 'react';
import { useApi } from '../../api/client';
import { toApiError } from '../../api/api-error';
import { useQuery } from '../../hooks/use-query';

interface Props {
  kind: 'minutes' | 'signInSheet';
  id: string;
  options?: Record<string, unknown>;
  label: string;
  onClose(): void;
}

export function PrintPreview({ kind, id, options, label, onClose }: Props) {
  const api = useApi();
  const status = useQuery('app.status', {}, { refetchOn: [] });
  const doc = useQuery('print.render', options ? { kind, id, options } : { kind, id }, {
    entities: ['minutes', 'attendance', 'meeting', 'decision', 'setting'],
  });
  const frame = useRef<HTMLIFrameElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const desktop = status.data?.shell === 'desktop';
  const args = options ? { kind, id, options } : { kind, id };

  const browserPrint = () => frame.current?.contentWindow?.print();
  const print = async () => {
    setMessage(null);
    if (!desktop) return browserPrint();
    try {
      await api.invoke('print.print', args);
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
      const r = await api.invoke('print.pdf', args);
      if (r.saved) setMessage(`已保存：${r.filePath ?? ''}`);
    } catch (err) {
      setMessage(toApiError(err).message);
    }
  };

  return (
    <section className="print-preview" aria-label={`${label}打印预览`}>
      <div className="print-preview-bar">
        <h2>{label}打印预览</h2>
        <button type="button" className="button primary" onClick={() => void print()} disabled={!doc.data}>
          打印
        </button>
        <button type="button" className="button" onClick={() => void pdf()} disabled={!doc.data}>
          保存为 PDF
        </button>
        <button type="button" className="button" onClick={onClose}>
          关闭预览
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      {doc.error && (
        <div className="form-error" role="alert">
          <p>{doc.error.message}</p>
        </div>
      )}
      {!doc.data && !doc.error && <p role="status">正在排版……</p>}
      {doc.data && (
        <iframe
          ref={frame}
          className="print-frame"
          title={`${label}打印预览`}
          srcDoc={doc.data.html}
          sandbox="allow-modals allow-same-origin"
        />
      )}
    </section>
  );
}
