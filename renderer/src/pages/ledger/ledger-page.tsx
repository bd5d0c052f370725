// 留守儿童台账: the list. Filters and search run in the main process over its index; the page asks only for the
// rows it shows (offset/limit) and virtualises them, so 50,000 children scroll like 50.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ChildListQuery, ChildRow, ChildSortField } from '../../../../electron/contract/schemas/ledger';
import { ageBandLabels } from '../../../../electron/contract/schemas/ledger';
import { Page } from '../../components/page';
import { useCan } from '../../app/session';
import { useQuery } from '../../hooks/use-query';
import { useCodeLists, type CodeListKey } from './use-code-lists';
import { ExportButton } from './excel/export-dialog';

const PAGE = 200;
const ROW_HEIGHT = 44;

type Filters = ChildListQuery['filters'];

const COLUMNS: Array<{ key: string; label: string; sort?: ChildSortField; width: string }> = [
  { key: 'name', label: '姓名', sort: 'name', width: '5.5em' },
  { key: 'age', label: '年龄', sort: 'age', width: '3.5em' },
  { key: 'id', label: '身份证号码', width: '11.5em' },
  { key: 'place', label: '乡镇/村', sort: 'township', width: 'minmax(7em, 1.2fr)' },
  { key: 'guardian', label: '监护人', width: '5.5em' },
  { key: 'phone', label: '监护人电话', width: '7.5em' },
  { key: 'risk', label: '风险', sort: 'riskLevel', width: '3.5em' },
  { key: 'visit', label: '最近走访', sort: 'lastVisitDate', width: '6.5em' },
  { key: 'alerts', label: '提醒', sort: 'alerts', width: 'minmax(6em, 1fr)' },
];
const GRID = COLUMNS.map((c) => c.width).join(' ');

export function LedgerPage() {
  const navigate = useNavigate();
  const can = { create: useCan('children.create'), import: useCan('ledgerImport.preview'), export: useCan('ledgerExport.xlsx') };
  const { label, items } = useCodeLists();
  // ?incomplete=1: the home and statistics pages link straight to the 待完善 children.
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<Filters>(() => ({ status: 'active', ...(params.get('incomplete') ? { incomplete: true } : {}) }));
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ field: ChildSortField; dir: 'asc' | 'desc' }>({ field: 'alerts', dir: 'asc' });
  const [offset, setOffset] = useState(0);

  // Typing stays smooth: the query follows the box after a short pause.
  useEffect(() => {
    const t = setTimeout(() => setSearch(searchText.trim()), 200);
    return () => clearTimeout(t);
  }, [searchText]);
  useEffect(() => setOffset(0), [filters, search, sort]);

  const { data, error } = useQuery(
    'children.list',
    { filters, search, sort, offset, limit: PAGE },
    { entities: ['child', 'visit', 'assessment', 'ledgerSettings'] },
  );
  const total = data?.total ?? 0;
  const rows = useMemo(() => {
    const map = new Map<number, ChildRow>();
    data?.rows.forEach((r, i) => map.set(data.offset + i, r));
    return map;
  }, [data]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // Rows render on the first paint, before the scroller has been measured.
    initialRect: { width: 1000, height: 600 },
  });
  const visible = virtual.getVirtualItems();
  const first = visible[0]?.index ?? 0;
  const last = visible[visible.length - 1]?.index ?? 0;
  useEffect(() => {
    // Fetch the window around what is on screen when the user scrolls past the rows held.
    if (total === 0) return;
    if (first < offset || last >= offset + PAGE) setOffset(Math.max(0, first - PAGE / 4));
  }, [first, last, offset, total]);

  const setFilter = (key: keyof Filters, value: string) =>
    setFilters((f) => {
      const next = { ...f, [key]: value || undefined } as Filters;
      if (key === 'township') next.village = undefined;
      return next;
    });

  const select = (key: keyof Filters, text: string, options: Array<{ code: string; label: string }>) => (
    <label className="ledger-filter">
      <span>{text}</span>
      <select className="input" value={(filters[key] as string | undefined) ?? ''} onChange={(e) => setFilter(key, e.target.value)}>
        <option value="">全部</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const fromList = (list: CodeListKey) => items(list).map((i) => ({ code: i.code, label: i.label }));
  const places = (names: string[]) => names.map((n) => ({ code: n, label: n }));

  const sortBy = (field: ChildSortField) =>
    setSort((s) => (s.field === field ? { field, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { field, dir: 'asc' }));

  return (
    <Page title="留守儿童台账">
      <p className="explain">本辖区农村留守儿童信息台账，一人一档，动态更新。点击姓名打开档案。</p>
      <div className="ledger-toolbar">
        {can.create && (
          <Link className="button primary" to="/ledger/new">
            新增儿童
          </Link>
        )}
        {/* ── 导入/导出 buttons: the Excel helper adds them here ── */}
        {can.import && (
          <Link className="button" to="/ledger/import">
            导入 Excel
          </Link>
        )}
        {can.export && <ExportButton filters={filters} search={search} total={total} />}
        <Link className="button" to="/ledger/stats">
          统计
        </Link>
        <Link className="button" to="/ledger/reports">
          强制报告
        </Link>
      </div>
      <div className="ledger-filters" role="search" aria-label="筛选和查找">
        <label className="ledger-filter ledger-search">
          <span>查找</span>
          <input
            className="input"
            type="search"
            placeholder="儿童、父母或监护人姓名，拼音首字母（如 zxm），或身份证号码后几位"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
          />
        </label>
        {select('township', '乡镇（街道）', places(data?.townships ?? []))}
        {select('village', '村（居）', places(data?.villages ?? []))}
        {select('guardianKind', '监护人类型', fromList('guardianKind'))}
        {select('assessment', '监护情况评估', fromList('guardianshipAssessment'))}
        {select('schooling', '就学情况', fromList('schooling'))}
        {select('riskLevel', '风险等级', fromList('riskLevel'))}
        {select('status', '状态', fromList('childStatus'))}
        {select('ageBand', '年龄段', (['0-5', '6-13', '14-15', '16+'] as const).map((b) => ({ code: b, label: ageBandLabels[b] })))}
        <label className="ledger-filter ledger-check">
          <input
            type="checkbox"
            checked={filters.incomplete === true}
            onChange={(e) => setFilters((f) => ({ ...f, incomplete: e.target.checked || undefined }))}
          />
          <span>信息不完整</span>
        </label>
      </div>
      <p className="ledger-count" aria-live="polite">
        {error ? <span className="field-error">{error.message}</span> : `共 ${total} 名儿童`}
      </p>
      <div className="ledger-table" role="table" aria-label="儿童列表" aria-rowcount={total + 1}>
        <div className="ledger-row ledger-head" role="row" style={{ gridTemplateColumns: GRID }}>
          {COLUMNS.map((c) => (
            <div key={c.key} role="columnheader" aria-sort={sort.field === c.sort ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
              {c.sort ? (
                <button type="button" className="ledger-sort" onClick={() => sortBy(c.sort!)}>
                  {c.label}
                  {sort.field === c.sort ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                </button>
              ) : (
                c.label
              )}
            </div>
          ))}
        </div>
        <div className="ledger-scroll" ref={scroller}>
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {visible.map((item) => {
              const row = rows.get(item.index);
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={`ledger-row${row?.unguarded ? ' unguarded' : ''}${row?.status !== 'active' ? ' inactive' : ''}`}
                  style={{ gridTemplateColumns: GRID, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  tabIndex={row ? 0 : -1}
                  onClick={() => row && navigate(`/ledger/${row.id}`)}
                  onKeyDown={(e) => {
                    if (row && (e.key === 'Enter' || e.key === ' ')) {
                      e.preventDefault();
                      navigate(`/ledger/${row.id}`);
                    }
                  }}
                >
                  {row ? (
                    <>
                      <div role="cell">
                        <Link to={`/ledger/${row.id}`} onClick={(e) => e.stopPropagation()}>
                          {row.name}
                        </Link>
                      </div>
                      <div role="cell">{row.age ?? '—'}</div>
                      <div role="cell" className="mono">{row.idNumberMasked || '—'}</div>
                      <div role="cell">
                        {row.township} {row.village}
                      </div>
                      <div role="cell">{row.guardianKind ? label('guardianKind', row.guardianKind) : '—'}</div>
                      <div role="cell" className="mono">{row.guardianPhoneMasked || '—'}</div>
                      <div role="cell">
                        {row.riskLevel ? <span className={`risk risk-${row.riskLevel}`}>{label('riskLevel', row.riskLevel)}</span> : '—'}
                      </div>
                      <div role="cell">{row.lastVisitDate || '未走访'}</div>
                      <div role="cell" className="ledger-alerts">
                        {row.status !== 'active' && <span className="badge">{label('childStatus', row.status)}</span>}
                        {row.incomplete && (
                          <span className="badge badge-incomplete" title="缺少登记表中的部分信息，请打开档案补全">
                            待完善
                          </span>
                        )}
                        {row.duplicate && (
                          <span className="badge alert-duplicate" title="同一身份证号码还登记在其他档案中，请核实后合并">
                            疑似重复
                          </span>
                        )}
                        {row.alerts.map((a) => (
                          <span key={a.kind} className={`badge alert-${a.kind}`} title={a.message}>
                            {badgeText[a.kind]}
                          </span>
                        ))}
                      </div>
                    </>
                  ) : (
                    <div role="cell" className="pending">正在读取……</div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </Page>
  );
}

const badgeText: Record<string, string> = {
  unguarded: '无人监护',
  age16: '已满16岁',
  turning16: '将满16岁',
  visitOverdue: '走访逾期',
  missingPhone: '缺电话',
};
