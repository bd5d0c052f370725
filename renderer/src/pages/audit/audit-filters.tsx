// The audit trail's filters: person, action and a date range.
import { auditActions, type UserView } from '../../api/contract-values';

export interface AuditFilter {
  person: string;
  action: string;
  from: string;
  to: string;
}
export const noFilter: AuditFilter = { person: '', action: '', from: '', to: '' };

interface Props {
  value: AuditFilter;
  people: UserView[];
  onChange: (value: AuditFilter) => void;
}

const actionEntries = Object.entries(auditActions);

export function AuditFilters({ value, people, onChange }: Props) {
  const set = (key: keyof AuditFilter) => (e: { target: { value: string } }) =>
    onChange({ ...value, [key]: e.target.value });
  return (
    <div className="ledger-filters" role="search" aria-label="筛选审计日志">
      <label className="ledger-filter">
        <span>人员</span>
        <select className="input" value={value.person} onChange={set('person')}>
          <option value="">全部</option>
          {people.map((p) => (
            <option key={p.login} value={p.login}>
              {p.name}（{p.login}）
            </option>
          ))}
        </select>
      </label>
      <label className="ledger-filter">
        <span>操作</span>
        <select className="input" value={value.action} onChange={set('action')}>
          <option value="">全部</option>
          {actionEntries.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="ledger-filter">
        <span>起始日期</span>
        <input
          className="input"
          type="date"
          value={value.from}
          max={value.to || undefined}
          onChange={set('from')}
        />
      </label>
      <label className="ledger-filter">
        <span>截止日期</span>
        <input
          className="input"
          type="date"
          value={value.to}
          min={value.from || undefined}
          onChange={set('to')}
        />
      </label>
    </div>
  );
}

/** The filter as the channel's arguments: empty fields are left out. */
export function filterArgs(f: AuditFilter) {
  return {
    ...(f.person ? { person: f.person } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
}
