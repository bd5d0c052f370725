// 会议纪要: drafted from the meeting, edited as text with headings, issued with its number and then locked; a
// correction is a new version and the old one stays readable. Print preview, 打印 and 保存为 PDF.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { minutesStateNames, type MinutesVersion } from '../../../../electron/contract/schemas/meetings';
import { useApi } from '../../api/client';
import { Field } from '../../components/form/field';
import { Page } from '../../components/page';
import { useQuery } from '../../hooks/use-query';
import { MinutesSettingsSection } from './minutes-settings';
import { PrintPreview } from './print-preview';
import { FormError, noEnterSubmit, useAction } from './use-action';
import { useFormDraft } from '../../hooks/use-form-draft';

const versionStatus = { draft: '草稿', issued: '已印发（现行）', superseded: '已被更正' } as const;

/** A whole number typed by hand, or undefined when left empty (NaN reaches the handler, which says what is wrong). */
const typedNumber = (text: string): number | undefined =>
  text.trim() === '' ? undefined : Number(text.trim());

function DraftEditor({
  version,
  meetingName,
  firstIssue,
}: {
  version: MinutesVersion;
  meetingName: string;
  /** No version issued yet: 第N次 is fixed by this issue (and may be given by hand). */
  firstIssue: boolean;
}) {
  const api = useApi();
  const save = useAction();
  const issue = useAction();
  // One draft for the three fields, per minutes version.
  const [fields, setFields, draft] = useFormDraft(`minutes:${version.id}`, () => ({
    title: version.title,
    text: version.text,
    sendTo: version.sendTo.join('、'),
  }));
  const { title, text, sendTo } = fields;
  const setTitle = (title: string) => setFields((f) => ({ ...f, title }));
  const setText = (text: string) => setFields((f) => ({ ...f, text }));
  const setSendTo = (sendTo: string) => setFields((f) => ({ ...f, sendTo }));
  const [date, setDate] = useState('');
  const [seq, setSeq] = useState('');
  const [ordinal, setOrdinal] = useState('');
  const [saved, setSaved] = useState(false);
  const args = () => ({
    id: version.id,
    title,
    text,
    sendTo: sendTo
      .split(/[，,、\n]/)
      .map((x) => x.trim())
      .filter(Boolean),
  });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const ok = await save.run(() => api.invoke('minutes.save', args()));
    if (ok) draft.clear();
    setSaved(ok);
  };
  const doIssue = async (e: React.FormEvent) => {
    e.preventDefault();
    await issue.run(async () => {
      await api.invoke('minutes.save', args());
      const bySeq = typedNumber(seq);
      const byOrdinal = firstIssue ? typedNumber(ordinal) : undefined;
      await api.invoke('minutes.issue', {
        id: version.id,
        date,
        ...(bySeq !== undefined ? { seq: bySeq } : {}),
        ...(byOrdinal !== undefined ? { ordinal: byOrdinal } : {}),
      });
      draft.clear();
    });
  };
  return (
    <>
      {version.corrects && (
        <p className="explain">
          本版本是对{version.corrects}纪要的更正。印发时另编新号，正文前注明“本纪要系对{version.corrects}
          纪要的更正，原纪要同时作废。”；原纪要保持印发时的样子。
        </p>
      )}
      {version.corrects && <DiscardCorrection id={version.id} onDiscarded={() => draft.clear()} />}
      <form noValidate onSubmit={submit} onKeyDown={noEnterSubmit} aria-label="编辑纪要">
        <Field label="纪要标题" error={save.errors.title}>
          <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field
          label="纪要正文"
          hint="每段一行。以“一、”“二、”开头的行印成一级标题（黑体），以“（一）”开头的行印成二级标题（楷体）。出席、请假、列席名单按出席情况自动附在正文之后。"
          error={save.errors.text}
        >
          <textarea
            className="input minutes-text"
            rows={18}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
        <Field label="印发范围" hint="纪要印发的有关单位，用顿号分隔" error={save.errors.sendTo}>
          <textarea className="input" rows={2} value={sendTo} onChange={(e) => setSendTo(e.target.value)} />
        </Field>
        <FormError message={save.message} />
        {saved && <p role="status">已保存。</p>}
        <div className="form-actions">
          <button type="submit" className="button" disabled={save.busy}>
            保存草稿
          </button>
        </div>
      </form>
      <form
        noValidate
        onSubmit={doIssue}
        onKeyDown={noEnterSubmit}
        aria-label="印发纪要"
        className="form-inline"
      >
        <Field
          label="印发日期"
          hint="印发后纪要即定稿，不能再修改；如需修改，只能另起更正版本"
          error={issue.errors.date}
        >
          <input type="date" className="input" value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field
          label="纪要编号（可不填）"
          hint="不填则按印发年份自动续编；接续纸质纪要的编号时填写，已用过的编号不能再用"
          error={issue.errors.seq}
        >
          <input
            className="input input-short"
            inputMode="numeric"
            value={seq}
            onChange={(e) => setSeq(e.target.value)}
          />
        </Field>
        {firstIssue && (
          <Field
            label="会议次数（可不填）"
            hint={`现为“${meetingName}”，按同年同类会议的日期排列；印发后固定不变。接续此前未录入的会议时填写第几次`}
            error={issue.errors.ordinal}
          >
            <input
              className="input input-short"
              inputMode="numeric"
              value={ordinal}
              onChange={(e) => setOrdinal(e.target.value)}
            />
          </Field>
        )}
        <FormError message={issue.message} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={issue.busy}>
            印发纪要
          </button>
        </div>
      </form>
    </>
  );
}

/** Withdraws a correction not yet issued: the issued minutes stay in force, the meeting read-only again. */
function DiscardCorrection({ id, onDiscarded }: { id: string; onDiscarded(): void }) {
  const api = useApi();
  const discard = useAction();
  const [asking, setAsking] = useState(false);
  const run = async () => {
    const ok = await discard.run(() => api.invoke('minutes.discardCorrection', { id }));
    if (ok) onDiscarded();
    else setAsking(false);
  };
  return (
    <div className="form-actions">
      {!asking ? (
        <button type="button" className="button" onClick={() => setAsking(true)}>
          撤销此更正
        </button>
      ) : (
        <div role="group" aria-label="确认撤销更正">
          <p>撤销后本更正版本作废，原纪要继续有效，会议的出席情况、议定事项恢复为不可修改（更正期间已录入的议定事项不随之删除）。确定撤销吗？</p>
          <button type="button" className="button" disabled={discard.busy} onClick={() => void run()}>
            确定撤销
          </button>{' '}
          <button type="button" className="button" onClick={() => setAsking(false)}>
            取消
          </button>
        </div>
      )}
      <FormError message={discard.message} />
    </div>
  );
}

function IssuedView({ version, current }: { version: MinutesVersion; current: boolean }) {
  const api = useApi();
  const correct = useAction();
  return (
    <div className="minutes-locked">
      <p>
        <strong>{version.number}</strong>，{version.issuedDate} 印发。
        {current
          ? '已印发的纪要不能修改，打印的始终是印发时的原件。'
          : '此版本已被更正，仅供查阅；打印的是印发时的原件。'}
      </p>
      {version.corrects && <p>本纪要系对{version.corrects}纪要的更正，原纪要同时作废。</p>}
      <p>印发范围：{version.sendTo.join('、') || '（未填写）'}</p>
      <div className="minutes-read" aria-label="纪要正文">
        {version.blocks.map((b, i) =>
          b.type === 'paragraph' ? (
            <p key={i}>{b.text}</p>
          ) : (
            <h3 key={i} className={`minutes-${b.type}`}>
              {b.text}
            </h3>
          ),
        )}
      </div>
      <FormError message={correct.message} />
      {current && (
        <button
          type="button"
          className="button"
          disabled={correct.busy}
          onClick={() => void correct.run(() => api.invoke('minutes.correct', { id: version.id }))}
        >
          更正（另起新版本）
        </button>
      )}
    </div>
  );
}

export function MinutesPage() {
  const { id = '' } = useParams();
  const {
    data: m,
    error,
    refetch,
  } = useQuery('meetings.get', { id }, { entities: ['meeting', 'minutes', 'attendance', 'decision'] });
  const [chosen, setChosen] = useState<number | null>(null);
  const [printing, setPrinting] = useState(false);
  if (!m) {
    return (
      <Page title="会议纪要">
        <div className="mt">
          {!error && <p role="status">正在读取……</p>}
          {error && (
            <div className="form-error" role="alert">
              <p>{error.message}</p>
              <button type="button" className="button" onClick={() => void refetch()}>
                重试
              </button>
            </div>
          )}
        </div>
      </Page>
    );
  }
  const latest = m.minutes[m.minutes.length - 1];
  const version = m.minutes.find((v) => v.version === chosen) ?? latest;
  return (
    <Page title={`${m.name}纪要`}>
      <div className="mt">
        <p>
          <Link to={`/meetings/${m.id}`}>← 返回会议</Link>
        </p>
        <p>
          纪要状态：{minutesStateNames[m.minutesStatus]}
          {m.minutesNumber ? `（${m.minutesNumber}）` : ''}
        </p>
        {!version && <p className="explain">该会议还没有纪要。请回到会议页面起草。</p>}
        {m.minutes.length > 0 && (
          <section aria-labelledby="minutes-versions">
            <h2 id="minutes-versions">版本</h2>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">版本</th>
                  <th scope="col">状态</th>
                  <th scope="col">编号</th>
                  <th scope="col">印发日期</th>
                  <th scope="col">
                    <span className="visually-hidden">操作</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {m.minutes.map((v) => (
                  <tr key={v.id} aria-current={v === version ? 'true' : undefined}>
                    <td>第{v.version}版</td>
                    <td>{versionStatus[v.status]}</td>
                    <td>{v.number ?? '—'}</td>
                    <td>{v.issuedDate ?? '—'}</td>
                    <td>
                      <button
                        type="button"
                        className="button small"
                        onClick={() => setChosen(v.version)}
                        disabled={v === version}
                      >
                        查看第{v.version}版
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        {version && (
          <section aria-labelledby="minutes-version">
            <h2 id="minutes-version">
              第{version.version}版（{versionStatus[version.status]}）
            </h2>
            {version.status === 'draft' ? (
              <DraftEditor
                key={version.id}
                version={version}
                meetingName={m.name}
                firstIssue={!m.minutes.some((v) => v.status !== 'draft')}
              />
            ) : (
              <IssuedView version={version} current={version.status === 'issued'} />
            )}
            <div className="form-actions">
              <button type="button" className="button" onClick={() => setPrinting(true)}>
                打印预览
              </button>
            </div>
            {printing && (
              <PrintPreview
                kind="minutes"
                id={m.id}
                options={{ version: version.version }}
                label="会议纪要"
                onClose={() => setPrinting(false)}
              />
            )}
          </section>
        )}
        <MinutesSettingsSection />
      </div>
    </Page>
  );
}
