// 审计日志 (administrators): who signed in, viewed unmasked records, exported, printed, imported, exchanged bundles
// and changed people or settings. Filter, check the chain, export to Excel (the export is itself recorded).
import { useState } from 'react';
import { toApiError } from '../../api/api-error';
import { useApi } from '../../api/client';
import { auditActionLabel } from '../../api/contract-values';
import { NoAccess } from '../../components/no-access';
import { Page } from '../../components/page';
import { useCan } from '../../app/session';
import { useQuery } from '../../hooks/use-query';
import { downloadBase64 } from '../ledger/excel/download';
import { formatDateTime } from '../users/format-time';
import { AuditFilters, filterArgs, noFilter, type AuditFilter } from './audit-filters';
import { AuditVerify } from './audit-verify';

/** The most entries the table shows; more are in the export. */
const SHOWN = 1000;

export function AuditPage() {
  if (!useCan('audit.list')) return <NoAccess title="审计日志" />;
  return <AuditTrail />;
}

function AuditTrail() {
  const api = useApi();
  const [filter, setFilter] = useState<AuditFilter>(noFilter);
  const args = filterArgs(filter);
  // Read again when entries or people change, not after every edit elsewhere (the trail is read whole; issue 13).
  const people = useQuery('users.list', {}, { entities: ['user'] });
  const { data, error } = useQuery('audit.list', args, { entities: ['audit', 'user'] });
  const [exporting, setExporting] = useState(false);
  const [exportMessage, setExportMessage] = useState<string | null>(null);
  const rows = data ? [...data].sort((a, b) => b.n - a.n).slice(0, SHOWN) : [];

  const exportXlsx = async () => {
    setExporting(true);
    setExportMessage(null);
    try {
      const file = await api.invoke('audit.exportXlsx', args);
      downloadBase64(file.fileName, file.contentBase64);
      setExportMessage(`已导出 ${file.fileName}（${file.rows} 条）。本次导出已记入审计日志。`);
    } catch (err) {
      setExportMessage(toApiError(err).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Page title="审计日志">
      <p className="explain">
        审计日志记录登录和登录失败、查看完整信息、导出、打印、导入、数据包交换、人员和设置的变更。每条记录与前一条相互锁定，删除、修改或调换任何一条都能被校验发现。
      </p>
      <div className="ledger-toolbar">
        <AuditVerify />
        <button type="button" className="button" disabled={exporting} onClick={() => void exportXlsx()}>
          {exporting ? '正在导出……' : '导出 Excel'}
        </button>
      </div>
      {exportMessage && <p role="status">{exportMessage}</p>}
      <AuditFilters value={filter} people={people.data ?? []} onChange={setFilter} />
      {error && (
        <div className="form-error" role="alert">
          <p>{error.message}</p>
        </div>
      )}
      {data && (
        <p className="ledger-count" aria-live="polite">
          共 {data.length} 条
          {data.length > SHOWN && `，下表显示最近的 ${SHOWN} 条；全部记录请导出 Excel 查看`}
        </p>
      )}
      {data && (
        <div className="table-scroll">
          <table className="data-table" aria-label="审计日志">
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">人员</th>
                <th scope="col">操作</th>
                <th scope="col">对象</th>
                <th scope="col">说明</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.n}>
                  <td className="x-nowrap">{formatDateTime(e.at)}</td>
                  <td>{e.userName || e.user}</td>
                  <td>{auditActionLabel(e.action)}</td>
                  <td>{e.target}</td>
                  <td>{e.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
