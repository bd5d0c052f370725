// 本单位名片 and 已信任的单位: hand out this office's card; import another's, compare the fingerprint, then trust;
// revoke.
import { useState, type ChangeEvent } from 'react';
import type { CardPreview, PeerView } from '../../../../electron/contract/schemas/exchange';
import { officeLevelNames } from '../../api/contract-values';
import { useApi, ApiError } from '../../api/client';
import { Fingerprint } from '../../components/fingerprint';
import { Field } from '../../components/form/field';
import { downloadText, formatTime, readText } from './files';

interface Props {
  peers: PeerView[];
  ownFingerprint: string;
}

export function PeersSection({ peers, ownFingerprint }: Props) {
  const api = useApi();
  const [card, setCard] = useState<{ text: string; preview: CardPreview } | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);

  const exportCard = async () => {
    const c = await api.invoke('exchange.card', {});
    downloadText(c.text, c.fileName);
  };

  const chooseCard = async (e: ChangeEvent<HTMLInputElement>) => {
    setError(null);
    setDone(null);
    setCard(null);
    setConfirmed(false);
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      const text = await readText(file);
      setCard({ text, preview: await api.invoke('exchange.readCard', { text }) });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '无法读取所选文件。');
    }
  };

  const trust = async () => {
    if (!card) return;
    try {
      const p = await api.invoke('exchange.trust', { text: card.text, fingerprint: card.preview.fingerprint });
      setDone(`已信任「${p.name}」。`);
      setCard(null);
      setInputKey((k) => k + 1);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '信任失败。');
    }
  };

  const revoke = async (p: PeerView) => {
    if (!window.confirm(`确定注销对「${p.name}」的信任吗？注销后，本单位不再接受其用这把密钥签发的数据包，也不再向其导出。此操作不能撤销。`)) return;
    try {
      await api.invoke('exchange.revoke', { code: p.code });
      setDone(`已注销对「${p.name}」的信任。`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '注销失败。');
    }
  };

  const pv = card?.preview;
  return (
    <section aria-labelledby="x-peers" className="x-section">
      <h2 id="x-peers">单位名片与信任</h2>
      <p className="explain">
        与其他单位首次交换数据前，双方互换单位名片，并通过电话互相朗读指纹核对。本单位指纹：
      </p>
      <Fingerprint value={ownFingerprint} />
      <div>
        <button type="button" className="button" onClick={() => void exportCard()}>
          导出本单位名片
        </button>
      </div>

      <h3>导入对方的单位名片</h3>
      <Field label="单位名片文件" hint="对方导出的 .json 名片文件">
        <input key={inputKey} type="file" accept=".json,application/json" className="input" onChange={(e) => void chooseCard(e)} />
      </Field>
      {pv && (
        <div className="x-card" role="group" aria-label="核对名片">
          <dl className="details">
            <dt>单位名称</dt>
            <dd>{pv.name}</dd>
            <dt>单位代码</dt>
            <dd>{pv.code}</dd>
            <dt>级别</dt>
            <dd>{officeLevelNames[pv.level]}</dd>
            <dt>指纹</dt>
            <dd>
              <Fingerprint value={pv.fingerprint} />
            </dd>
          </dl>
          {pv.self && <p className="form-error">这是本单位自己的名片。</p>}
          {pv.revoked && <p className="form-error">这张名片的密钥已被本单位注销，不能再次信任。</p>}
          {pv.alreadyTrusted && <p>已信任该单位，无需再次导入。</p>}
          {pv.replaces && <p className="x-warn">本单位已信任该单位的另一张名片（指纹 {pv.replaces}）。信任这张名片将取代旧名片，请务必电话核实对方确已更换密钥。</p>}
          {!pv.self && !pv.revoked && !pv.alreadyTrusted && (
            <>
              <p>请打电话给「{pv.name}」，请对方朗读本单位在其“数据交换”页面上看到的指纹，逐组与上面的指纹核对。</p>
              <label className="x-check">
                <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
                我已与对方电话核对，指纹完全一致
              </label>
              <div className="form-actions">
                <button type="button" className="button primary" disabled={!confirmed} onClick={() => void trust()}>
                  信任该单位
                </button>
              </div>
            </>
          )}
        </div>
      )}
      {error && (
        <div className="form-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {done && <p role="status">{done}</p>}

      <div className="table-scroll">
        <table className="x-table">
          <caption>已信任的单位</caption>
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">指纹</th>
              <th scope="col">已发送</th>
              <th scope="col">已收到</th>
              <th scope="col">对方确认</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {peers.length === 0 && (
              <tr>
                <td colSpan={6}>尚未信任任何单位。</td>
              </tr>
            )}
            {peers.map((p) => (
              <tr key={p.code}>
                <th scope="row">
                  {p.name}
                  <div className="x-muted">
                    {p.code} · {officeLevelNames[p.level]}
                  </div>
                </th>
                <td>
                  <code className="x-fp">{p.fingerprint}</code>
                </td>
                <td>
                  {p.sent.bundles} 个数据包
                  <div className="x-muted">最近 {formatTime(p.sent.lastAt)}</div>
                </td>
                <td>
                  {p.received.bundles} 个数据包
                  <div className="x-muted">最近 {formatTime(p.received.lastAt)}</div>
                </td>
                <td>{p.sent.bundles === 0 ? '—' : p.acknowledged.allSentAcknowledged ? '已全部确认' : '尚有未确认'}</td>
                <td>
                  {p.status === 'trusted' ? (
                    <>
                      已信任
                      <div>
                        <button type="button" className="button small" onClick={() => void revoke(p)}>
                          注销信任
                        </button>
                      </div>
                    </>
                  ) : (
                    <>已注销（{formatTime(p.revokedAt)}）</>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
