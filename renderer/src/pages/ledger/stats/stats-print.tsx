// 打印 and 保存为 PDF for the A4 summary. The desktop app prints through the main process; the browser preview shows
// the page in a frame and prints the frame (the browser's print dialog can save as PDF).
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../../api/client';
import { toApiError } from '../../../api/api-error';
import { useAppStatus } from '../../../app/app-status';
import type { Period } from './period';

interface Props {
  period: Period;
  township: string;
}

export function StatsPrint({ period, township }: Props) {
  const api = useApi();
  const { status } = useAppStatus();
  const desktop = status.shell === 'desktop';
  const [html, setHtml] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const frame = useRef<HTMLIFrameElement>(null);
  const args = { kind: 'statsSummary', options: { ...period, ...(township ? { township } : {}) } };

  // A preview of another period would print the wrong figures.
  useEffect(() => setHtml(null), [period.from, period.to, township]);

  const preview = async () => {
    setMessage('');
    try {
      const doc = await api.invoke('print.render', args);
      setHtml(doc.html);
      return doc.html;
    } catch (err) {
      setMessage(toApiError(err).message);
      return null;
    }
  };

  const printInFrame = (pdfHint: boolean) => {
    const win = frame.current?.contentWindow;
    if (!win) return;
    if (pdfHint) setMessage('请在打印对话框的“目标打印机”中选择“另存为 PDF”。');
    win.focus();
    win.print();
  };

  const act = async (what: 'print' | 'pdf') => {
    setMessage('');
    if (desktop) {
      try {
        if (what === 'print') await api.invoke('print.print', args);
        else {
          const r = await api.invoke('print.pdf', args);
          if (r.saved) setMessage(`已保存：${r.filePath ?? ''}`);
        }
      } catch (err) {
        setMessage(toApiError(err).message);
      }
      return;
    }
    if (!html) {
      // The frame must hold the page before it can print; print once it has loaded.
      const loaded = await preview();
      if (loaded && frame.current) frame.current.onload = () => printInFrame(what === 'pdf');
      return;
    }
    printInFrame(what === 'pdf');
  };

  return (
    <section aria-labelledby="stats-print" className="print-section">
      <h2 id="stats-print">打印统计表</h2>
      <p className="explain">按所选期间和范围生成 A4 统计表（含图表），可打印或保存为 PDF 报送。</p>
      <div className="toolbar">
        <button type="button" className="button" onClick={() => void preview()}>
          预览
        </button>
        <button type="button" className="button primary" onClick={() => void act('print')}>
          打印
        </button>
        <button type="button" className="button" onClick={() => void act('pdf')}>
          保存为 PDF
        </button>
      </div>
      {message && (
        <p role="status" className="status-text">
          {message}
        </p>
      )}
      {html !== null && (
        <iframe ref={frame} title="统计表打印预览" className="print-frame" srcDoc={html} sandbox="allow-modals allow-same-origin" />
      )}
    </section>
  );
}
