// 数据交换: office cards and trust, export and import of USB bundles, conflicts to settle, and the exchange log.
import { useContext } from 'react';
import { AppStatusContext } from '../../app/app-status';
import { Page } from '../../components/page';
import { useCan } from '../../app/session';
import { useQuery } from '../../hooks/use-query';
import { ConflictsSection } from './conflicts-section';
import { ExportSection } from './export-section';
import { ImportSection } from './import-section';
import { LogSection } from './log-section';
import { PeersSection } from './peers-section';

const exchangeEntities = ['peer', 'peerRevocation', 'exchangeLog'];

export function ExchangePage() {
  // A member unit's office (issue 14) keeps no ledger: no duplicate children to look for (the channel is refused).
  const atUnit = useContext(AppStatusContext)?.office.level === 'unit';
  const can = {
    export: useCan('exchange.export'),
    import: useCan('exchange.import'),
    trust: useCan('exchange.trust'),
    duplicates: useCan('exchange.duplicates') && !atUnit,
  };
  // The office and the shell do not change with the data: read once, not on every change (issue 13).
  const status = useQuery('app.status', {}, { refetchOn: [] });
  const peers = useQuery('exchange.peers', {}, { entities: exchangeEntities });
  const log = useQuery('exchange.log', {}, { entities: exchangeEntities });
  const conflicts = useQuery('conflicts.list', {});
  const duplicates = useQuery(
    'exchange.duplicates',
    {},
    { entities: ['child', 'peer'], skip: !can.duplicates },
  );
  const office = status.data?.office;
  const error = peers.error ?? status.error;
  return (
    <Page title="数据交换">
      <p className="lead">各单位之间的数据用 U 盘传递：数据包经加密和签名，只有接收单位能打开，并能确认确实来自发送单位。</p>
      {error && (
        <div className="form-error" role="alert">
          <p>{error.message}</p>
        </div>
      )}
      <nav className="x-jump" aria-label="本页内容">
        {can.export && (
          <>
            <a href="#x-export-anchor">导出</a> ·{' '}
          </>
        )}
        {can.import && (
          <>
            <a href="#x-import-anchor">导入</a> ·{' '}
          </>
        )}
        <a href="#x-conflicts-anchor">冲突{conflicts.data?.length ? `（${conflicts.data.length}）` : ''}</a> ·{' '}
        {can.trust && (
          <>
            <a href="#x-peers-anchor">单位名片与信任</a> ·{' '}
          </>
        )}
        <a href="#x-log-anchor">交换记录</a>
      </nav>
      {office && peers.data && (
        <>
          {can.export && (
            <div id="x-export-anchor">
              <ExportSection peers={peers.data} desktop={status.data?.shell === 'desktop'} />
            </div>
          )}
          {can.import && (
            <div id="x-import-anchor">
              <ImportSection desktop={status.data?.shell === 'desktop'} />
            </div>
          )}
          <div id="x-conflicts-anchor">
            <ConflictsSection items={conflicts.data ?? []} />
          </div>
          {duplicates.data && duplicates.data.length > 0 && (
            <section aria-labelledby="x-dups" className="x-section">
              <h2 id="x-dups">可能重复的儿童</h2>
              <p className="explain">以下身份证号码同时出现在两个单位的台账中，可能是同一名儿童被重复登记，请与相关单位核实。</p>
              <ul>
                {duplicates.data.map((g) => (
                  <li key={g.idNumberMasked}>
                    <code>{g.idNumberMasked}</code>：{g.records.map((r) => `${r.name}（${r.officeName}）`).join('；')}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {can.trust && (
            <div id="x-peers-anchor">
              <PeersSection peers={peers.data} ownFingerprint={office.fingerprint} />
            </div>
          )}
          <div id="x-log-anchor">
            <LogSection entries={log.data ?? []} />
          </div>
        </>
      )}
    </Page>
  );
}
