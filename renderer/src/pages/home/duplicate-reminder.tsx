// 首页提醒: children held twice (one ID number in two offices' records), with a count and where to look.
import { Link } from 'react-router';
import { useQuery } from '../../hooks/use-query';

export function DuplicateReminder() {
  const { data } = useQuery('exchange.duplicates', {}, { entities: ['child', 'peer'] });
  if (!data || data.length === 0) return null;
  const first = data[0]!.records[0]!;
  return (
    <section aria-labelledby="home-dups">
      <h2 id="home-dups">疑似重复登记（{data.length} 组）</h2>
      <p className="explain">
        有 {data.length} 个身份证号码同时登记在两份以上的档案中，可能是同一名儿童被重复登记。请打开档案核实，确认后在档案页合并。
      </p>
      <p>
        <Link to={`/ledger/${first.id}`}>查看第一组（{first.name}）</Link>{" "}
        <Link to="/exchange">在数据交换页查看全部</Link>
      </p>
    </section>
  );
}
