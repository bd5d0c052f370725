// Always visible while the store holds demonstration data, so nobody mistakes it for a real ledger.
export function DemoBanner() {
  return (
    <div className="demo-banner" role="note" aria-label="演示数据">
      <strong>演示数据</strong>
      <span>当前显示的是演示数据，仅供熟悉操作和培训使用，不是真实台账，不得上报或对外提供。</span>
    </div>
  );
}
