// Finding a child in the ledger by name or the last digits of the ID number, to link a report to the record.
import { useState, type KeyboardEvent } from 'react';
import type { ReportChildOption } from '../../../../../electron/contract/schemas/report';
import { useApi } from '../../../api/client';
import { toApiError } from '../../../api/api-error';

interface Props {
  onPick: (child: ReportChildOption) => void;
  label?: string;
}

export function ChildPicker({ onPick, label = '查找台账儿童' }: Props) {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<ReportChildOption[] | null>(null);
  const [error, setError] = useState('');

  const search = async () => {
    const q = query.trim();
    if (!q) return;
    setError('');
    try {
      setFound(await api.invoke('reports.findChildren', { query: q }));
    } catch (err) {
      setError(toApiError(err).message);
    }
  };

  const enter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    // Enter searches here; it never sends the report form around it.
    e.preventDefault();
    void search();
  };

  return (
    <div className="child-picker">
      <label className="inline-field">
        {label}
        <input
          type="search"
          className="input"
          placeholder="姓名或身份证号码后几位"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={enter}
        />
      </label>
      <button type="button" className="button" onClick={() => void search()}>
        查找
      </button>
      {error && <p className="field-error">{error}</p>}
      {found && found.length === 0 && <p className="pending">台账中没有找到，请核对姓名，或按“尚未录入台账”登记。</p>}
      {found && found.length > 0 && (
        <ul className="pick-list" aria-label="查找结果">
          {found.map((c) => (
            <li key={c.id}>
              <span>
                {c.name}（{c.township} {c.village}
                {c.birthDate ? `，${c.birthDate.slice(0, 4)}年生` : ''}）
              </span>
              <button type="button" className="button small" onClick={() => onPick(c)}>
                选择{c.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
