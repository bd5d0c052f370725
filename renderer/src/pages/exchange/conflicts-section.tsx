// 冲突: a field two offices changed without seeing each other's change. Both values are kept; a person picks one,
// and that choice is itself a change that reaches the other offices.
import { useState } from 'react';
import type { ConflictItem } from '../../../../electron/contract/schemas/exchange';
import { ApiError, useApi } from '../../api/client';
import { formatTime, formatValue } from './files';

function ConflictCard({ item }: { item: ConflictItem }) {
  const api = useApi();
  const [choice, setChoice] = useState(item.current.hlc);
  const [error, setError] = useState<string | null>(null);
  const name = `choice-${item.entity}-${item.id}-${item.field}`;
  const options = [{ ...item.current, isCurrent: true }, ...item.losers.map((l) => ({ ...l, isCurrent: false }))];
  const resolve = async () => {
    try {
      await api.invoke('conflicts.resolve', { entity: item.entity, id: item.id, field: item.field, choice });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '保存失败。');
    }
  };
  return (
    <li className="x-conflict">
      <fieldset>
        <legend>
          {item.entityLabel}「{item.title}」的“{item.fieldLabel}”
        </legend>
        {options.map((o) => (
          <label key={o.hlc} className="x-choice">
            <input type="radio" name={name} value={o.hlc} checked={choice === o.hlc} onChange={() => setChoice(o.hlc)} />
            <span className="x-value">{formatValue(o.value)}</span>
            <span className="x-muted">
              {o.officeName}，{formatTime(o.at)}修改{o.isCurrent ? '（目前显示的值）' : ''}
            </span>
          </label>
        ))}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="button" className="button primary" onClick={() => void resolve()}>
          采用所选的值
        </button>
      </fieldset>
    </li>
  );
}

export function ConflictsSection({ items }: { items: ConflictItem[] }) {
  return (
    <section aria-labelledby="x-conflicts" className="x-section">
      <h2 id="x-conflicts">冲突</h2>
      <p className="explain">
        两个单位在互不知情时修改了同一记录的同一项，两个值都已保留。请与相关单位核实后选定正确的值；所作选择会随下次交换同步到对方。
      </p>
      {items.length === 0 ? (
        <p>没有待处理的冲突。</p>
      ) : (
        <ul className="x-conflicts">
          {items.map((i) => (
            <ConflictCard key={`${i.entity}/${i.id}/${i.field}/${i.current.hlc}`} item={i} />
          ))}
        </ul>
      )}
    </section>
  );
}
