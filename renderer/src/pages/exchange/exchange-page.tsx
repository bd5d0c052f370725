// 数据交换: placeholder until bundles and office cards are built.
import { Page } from '../../components/page';

export function ExchangePage() {
  return (
    <Page title="数据交换">
      <p className="lead">
        这里将生成和导入与上下级单位交换的加密数据包（用 U 盘传递），并管理已核对过指纹的各单位名片。
      </p>
      <p className="pending">此功能正在建设中。</p>
    </Page>
  );
}
