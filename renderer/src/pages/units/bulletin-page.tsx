// One bulletin in print preview: the very page that is printed. On the desktop 打印 and 保存为 PDF go through the
// shell; in the browser preview the page prints itself through the browser's dialog (where PDF is one choice).
import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useApi } from '../../api/client';
import { toApiError } from '../../api/api-error';
import { useAppStatus } from '../../app/app-status';
import { Page } from '../../components/page';
import { useQuery } from '../../hooks/use-query';
import { UnitsNav } from './form-kit';

export function BulletinPage() {
  const { id = '' } = useParams();
  const api = useApi();
  const { status } = useAppStatus();
  const desktop = status.shell === 'desktop';
  const b = useQuery('bulletins.get', { id }, { entities: ['bulletin'] });
  const printed = useQuery('print.render', { kind: 'bulletin', id }, { entities: ['bulletin'] });
  const frame = useRef<HTMLIFrameElement>(null);
  const [message, setMessage] = useState<string | null>(null);

  const browserPrint = () => frame.current?.contentWindow?.print();
  const print = async () => {
    setMessage(null);
    if (!desktop) return browserPrint();
    try {
      await api.invoke('print.print', { kind: 'bulletin', id });
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
      const r = await api.invoke('print.pdf', { kind: 'bulletin', id });
      if (r.saved) setMessage(`已保存：${r.filePath ?? ''}`);
    } catch (err) {
      setMessage(toApiError(err).message);
    }
  };

  const title = b.data ? `工作进展通报 ${b.data.year}年${b.data.numberLabel}` : '工作进展通报';
  return (
    <Page title={title}>
      <UnitsNav />
      {b.error && <div className="form-error" role="alert">{b.error.message}</div>}
      {b.data && (
        <p className="lead">
          {b.data.title}（{b.data.date} 印发）
        </p>
      )}
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
      {printed.data && <iframe ref={frame} className="u-print-preview" title="打印预览" srcDoc={printed.data.html} />}
    </Page>
  );
}
