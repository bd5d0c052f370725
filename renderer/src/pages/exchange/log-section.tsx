// 交换记录: every bundle exported or imported here.
import type { ExchangeLogEntry } from '../../../../electron/contract/schemas/exchange';
import { formatTime } from './files';

export function LogSection({ entries }: { entries: ExchangeLogEntry[] }) {
  return (
    <section aria-labelledby="x-log" className="x-section">
      <h2 id="x-log">交换记录</h2>
      {entries.length === 0 ? (
        <p>尚未导出或导入过数据包。</p>
      ) : (
        <div className="table-scroll">
          <table className="x-table">
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">方向</th>
                <th scope="col">对方单位</th>
                <th scope="col">记录数</th>
                <th scope="col">文件</th>
                <th scope="col">经办人</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="x-nowrap">{formatTime(e.at)}</td>
                  <td className="x-nowrap">{e.direction === 'export' ? (e.full ? '导出（完整副本）' : '导出') : '导入'}</td>
                  <td className="x-nowrap">{e.peerName}</td>
                  <td>
                    {e.operations}
                    {e.summary && (
                      <div className="x-muted">
                        新增 {e.summary.new}，更新 {e.summary.updated}，冲突 {e.summary.conflicts}
                      </div>
                    )}
                  </td>
                  <td className="x-file">{e.fileName || '—'}</td>
                  <td className="x-nowrap">{e.byName ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
