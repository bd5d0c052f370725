// The statistics as tables: the same figures as the charts, for reading and checking line by line.
import type { StatsColumn, StatsRow, StatsSummary } from '../../../../../electron/contract/schemas/stats';

interface Group {
  caption: string;
  columns: StatsColumn[];
  value: (row: StatsRow, code: string) => number;
  extra?: Array<{ label: string; value: (row: StatsRow) => number }>;
}

function CountTable({ s, group }: { s: StatsSummary; group: Group }) {
  const rows = [...s.rows, s.totals];
  return (
    <div className="table-scroll">
      <table className="data-table numbers">
        <caption>{group.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{s.rowLabel}</th>
            <th scope="col">在册</th>
            {group.columns.map((c) => (
              <th key={c.code || 'none'} scope="col">
                {c.label}
              </th>
            ))}
            {group.extra?.map((e) => (
              <th key={e.label} scope="col">
                {e.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.name}-${i}`} className={i === rows.length - 1 ? 'total-row' : undefined}>
              <th scope="row">{r.name}</th>
              <td>{r.total}</td>
              {group.columns.map((c) => (
                <td key={c.code || 'none'}>{group.value(r, c.code)}</td>
              ))}
              {group.extra?.map((e) => (
                <td key={e.label}>{e.value(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function StatsTables({ s }: { s: StatsSummary }) {
  return (
    <>
      <CountTable
        s={s}
        group={{
          caption: '表一 监护人类型与年龄段（期末在册，年龄按统计截止日计算）',
          columns: [...s.columns.guardianKind, ...s.columns.ageBand],
          value: (r, code) =>
            code in r.ageBand ? r.ageBand[code as keyof StatsRow['ageBand']] : (r.guardianKind[code] ?? 0),
        }}
      />
      <CountTable
        s={s}
        group={{
          caption: '表二 就学情况（期末在册）',
          columns: s.columns.schooling,
          value: (r, code) => r.schooling[code] ?? 0,
        }}
      />
      <CountTable
        s={s}
        group={{
          caption: '表三 风险等级（期末在册）与统计期间变动',
          columns: s.columns.riskLevel,
          value: (r, code) => r.riskLevel[code] ?? 0,
          extra: [
            { label: '新纳入', value: (r) => r.entries },
            { label: '退出转出', value: (r) => r.exits },
            { label: '走访人次', value: (r) => r.visits },
          ],
        }}
      />
    </>
  );
}
