// 留守儿童台账: placeholder until the ledger is built.
import { Page } from '../../components/page';

export function LedgerPage() {
  return (
    <Page title="留守儿童台账">
      <p className="lead">
        这里将保存本辖区农村留守儿童的信息台账，一人一档，记录儿童本人、父母和实际监护情况，并随情况变化动态更新。
      </p>
      <p className="pending">此功能正在建设中。</p>
    </Page>
  );
}
