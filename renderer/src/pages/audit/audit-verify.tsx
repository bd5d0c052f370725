// 校验审计日志: recomputes the chain in the main process and says whether any entry was deleted, edited or moved.
import { useState } from 'react';
import { toApiError } from '../../api/api-error';
import { useApi } from '../../api/client';
import type { AuditVerifyResult } from '../../api/contract-values';

export function AuditVerify() {
  const api = useApi();
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.invoke('audit.verify', {}));
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="audit-verify">
      <button type="button" className="button" disabled={busy} onClick={() => void verify()}>
        {busy ? '正在校验……' : '校验审计日志'}
      </button>
      {result?.ok && (
        <p className="ok-box" role="status">
          审计日志完整，共 {result.count} 条
        </p>
      )}
      {result && !result.ok && (
        <div className="form-error" role="alert">
          <p>
            <strong>审计日志已被改动。</strong>
            {result.firstBad
              ? `从第 ${result.firstBad.n} 条起记录不可信：${result.firstBad.message}`
              : '记录链条不完整。'}
            请立即报告本单位负责人，并保留这台电脑和数据文件夹的现状。
          </p>
        </div>
      )}
      {error && (
        <div className="form-error" role="alert">
          <p>{error}</p>
        </div>
      )}
    </div>
  );
}
