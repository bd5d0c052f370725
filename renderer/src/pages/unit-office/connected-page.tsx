// 成员单位联络 (issue 14), at the joint-meeting office: each member unit — whether its office is connected (its card
// trusted here), its fingerprint, when it last sent and received, and what waits to go out to it — and, per unit, the
// setup file for a new unit office with its one-time setup code, to be told to the liaison in person.
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/client';
import { useAppStatus } from '../../app/app-status';
import { useCan } from '../../app/session';
import { Page } from '../../components/page';
import { Fingerprint } from '../../components/fingerprint';
import { useQuery } from '../../hooks/use-query';
import { pickFile } from '../../api/picked-files';
import { downloadBase64, formatTime } from '../exchange/files';
import { entityLabel } from '../../../../electron/contract/schemas/exchange';
import type { ConnectedUnit, SetupExportResult } from '../../../../electron/contract/schemas/unit-office';
import { FormError, UnitsNav, useSubmit } from '../units/form-kit';

const statusText = (u: ConnectedUnit) =>
  u.connected ? '已连接' : u.status === 'revoked' ? '已注销信任' : '未连接';

function waitingText(u: ConnectedUnit): string {
  if (u.waiting === 0) return '无';
  const parts = Object.entries(u.waitingByEntity)
    .filter(([, n]) => n > 0)
    .map(([entity, n]) => `${entityLabel(entity)} ${n}`);
  return `${u.waiting} 条${parts.length ? `（${parts.join('、')}）` : ''}`;
}

export function ConnectedUnitsPage() {
  // Any change may join a unit's share (what waits to go out): read again after every change.
  const q = useQuery('unitOffice.connected', {});
  const canExport = useCan('unitOffice.setupExport');
  const [made, setMade] = useState<(SetupExportResult & { unitName: string; saved: string | null }) | null>(
    null,
  );
  return (
    <Page title="成员单位联络">
      <UnitsNav />
      <p className="lead">
        成员单位也可以使用本系统：办公室为该单位导出设置文件，联络员在本单位电脑上导入后，督办事项经数据包下发，进展报告、延期申请经数据包报回，记为“单位报送”。
      </p>
      {q.error && (
        <div className="form-error" role="alert">
          {q.error.message}
        </div>
      )}
      {made && <SetupCode made={made} onClose={() => setMade(null)} />}
      {q.data && (
        <table className="u-table" aria-label="成员单位连接情况">
          <thead>
            <tr>
              <th scope="col">成员单位</th>
              <th scope="col">连接</th>
              <th scope="col">指纹</th>
              <th scope="col">上次发出</th>
              <th scope="col">上次收到</th>
              <th scope="col">待发出</th>
              {canExport && <th scope="col">设置文件</th>}
            </tr>
          </thead>
          <tbody>
            {q.data.map((u) => (
              <tr key={u.unitId} aria-label={u.unitName}>
                <th scope="row">
                  <Link to={`/units/${u.unitId}`}>{u.unitName}</Link>
                  <div className="u-muted">{u.officeCode}</div>
                </th>
                <td>{statusText(u)}</td>
                <td>{u.fingerprint ? <Fingerprint value={u.fingerprint} /> : '—'}</td>
                <td>{u.lastSentAt ? formatTime(u.lastSentAt) : '—'}</td>
                <td>{u.lastReceivedAt ? formatTime(u.lastReceivedAt) : '—'}</td>
                <td>
                  {waitingText(u)}
                  {u.blocked && <div className="u-danger-text">{u.blocked}</div>}
                </td>
                {canExport && (
                  <td>
                    <ExportButton unit={u} onMade={setMade} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="u-muted">
        设置完成后，请在<Link to="/exchange">数据交换</Link>
        页导入该单位的名片（核对指纹后信任），再导出数据包给该单位。
      </p>
    </Page>
  );
}

function ExportButton({
  unit,
  onMade,
}: {
  unit: ConnectedUnit;
  onMade: (m: SetupExportResult & { unitName: string; saved: string | null }) => void;
}) {
  const api = useApi();
  const { status } = useAppStatus();
  const submit = useSubmit();
  // On the desktop the file is written into a folder chosen in the native dialog (a USB stick); in the browser
  // preview it is downloaded.
  const make = () =>
    submit.run(async () => {
      if (unit.connected && !window.confirm(`「${unit.unitName}」已连接。确定再为其生成设置文件吗？`)) return;
      const desktop = status.shell === 'desktop';
      const folder = desktop ? await pickFile(api, 'folder', 'bundle') : null;
      if (desktop && !folder) return;
      const r = await api.invoke('unitOffice.setupExport', {
        unitId: unit.unitId,
        ...(folder ? { folderHandle: folder.handle } : {}),
      });
      if (r.base64) downloadBase64(r.base64, r.fileName);
      onMade({ ...r, unitName: unit.unitName, saved: r.filePath ?? r.fileName });
    });
  return (
    <>
      <button
        type="button"
        className="button u-small"
        disabled={submit.busy}
        aria-label={`导出${unit.unitName}的设置文件`}
        onClick={() => void make()}
      >
        导出设置文件
      </button>
      <FormError message={submit.formError} />
    </>
  );
}

function SetupCode({
  made,
  onClose,
}: {
  made: SetupExportResult & { unitName: string; saved: string | null };
  onClose: () => void;
}) {
  return (
    <section className="u-card" role="group" aria-label={`${made.unitName}的设置码`}>
      <h2>{made.unitName}的设置文件</h2>
      <p>
        设置文件「{made.saved ?? made.fileName}」已生成（单位代码 {made.unitOfficeCode}）。请把文件拷入 U
        盘，当面交给联络员，并<strong>当面口头告知</strong>下面的设置码；不要写在 U
        盘里，也不要通过微信、短信发送。设置码只显示这一次。
      </p>
      <p className="u-setup-code" aria-label="设置码">
        <code>{made.setupCode}</code>
      </p>
      <p>联络员导入后，其屏幕上显示的办公室指纹应与本单位指纹完全一致：</p>
      <Fingerprint value={made.fingerprint} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          已告知，关闭
        </button>
      </div>
    </section>
  );
}
