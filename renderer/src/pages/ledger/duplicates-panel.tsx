// 疑似重复 on the record page: the other offices' records with this child's ID number, and the merge — the clerk
// chooses whose values are kept; the other record stays readable, marked 已合并. Also shows merges already done.
import { useState } from 'react';
import { Link } from 'react-router';
import { toApiError } from '../../api/api-error';
import { useApi } from '../../api/client';
import { useQuery } from '../../hooks/use-query';

export function DuplicatesPanel({ id, readOnly }: { id: string; readOnly: boolean }) {
  const api = useApi();
  const { data } = useQuery('children.duplicates', { id }, { entities: ['child', 'peer'] });
  const [confirming, setConfirming] = useState<{ keepId: string; mergeId: string; keptName: string } | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  if (!data) return null;

  const merge = async () => {
    if (!confirming) return;
    try {
      const r = await api.invoke('children.merge', { keepId: confirming.keepId, mergeId: confirming.mergeId });
      setMessage({ text: r.message, error: false });
    } catch (err) {
      setMessage({ text: toApiError(err).message, error: true });
    }
    setConfirming(null);
  };

  return (
    <>
      {data.mergedInto && (
        <div className="warn-box" role="note" aria-label="档案合并">
          <strong>
            本档案已于{data.mergedInto.date}并入
            <Link to={`/ledger/${data.mergedInto.id}`}>「{data.mergedInto.officeName}」的档案{data.mergedInto.name && `（${data.mergedInto.name}）`}</Link>。
          </strong>
          本档案及其走访、帮扶、评估记录全部保留，只读；请在保留的档案中继续登记。
        </div>
      )}
      {data.mergedFrom.length > 0 && (
        <div className="explain" role="note" aria-label="已并入的档案">
          已并入本档案的记录：
          {data.mergedFrom.map((m, i) => (
            <span key={m.id}>
              {i > 0 && '；'}
              <Link to={`/ledger/${m.id}`}>{m.officeName || '其他单位'}的档案{m.name && `（${m.name}）`}</Link>
            </span>
          ))}
          （以本档案的记录为准）
        </div>
      )}
      {data.others.length > 0 && (
        <section className="warn-box" aria-labelledby="dup-title">
          <h2 id="dup-title">疑似重复</h2>
          <p>
            同一身份证号码还登记在以下档案中，可能是同一名儿童被重复登记。请与相关单位核实后合并：合并时保留一方的记录为准，
            另一份档案标记为「已合并」，全部记录保留，不会删除。
          </p>
          <ul>
            {data.others.map((o) => (
              <li key={o.id}>
                <Link to={`/ledger/${o.id}`}>{o.name}</Link>（{o.officeName}
                {o.township && `，${o.township}`}）
                {!readOnly && (
                  <span className="inline-actions">
                    <button className="button" type="button" onClick={() => setConfirming({ keepId: id, mergeId: o.id, keptName: data.officeName })}>
                      以本档案（{data.officeName}）为准合并
                    </button>
                    <button className="button" type="button" onClick={() => setConfirming({ keepId: o.id, mergeId: id, keptName: o.officeName })}>
                      以{o.officeName}的档案为准合并
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
          {confirming && (
            <div role="alertdialog" aria-label="确认合并" className="confirm-box">
              <p>将以「{confirming.keptName}」的档案为准合并，另一份档案将标记为已合并（只读保留）。确定合并吗？</p>
              <button className="button primary" type="button" onClick={merge}>确定合并</button>
              <button className="button" type="button" onClick={() => setConfirming(null)}>取消</button>
            </div>
          )}
        </section>
      )}
      {message && (
        <p className={message.error ? 'field-error' : 'explain'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </>
  );
}
