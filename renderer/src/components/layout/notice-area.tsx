// Notices about the data (a rebuilt file, damage that could not be recovered, a restore, a migration): the person
// must be told what happened to the data, so each stays on every page, for everyone, until an administrator
// acknowledges it (notices.acknowledge). Nobody else can make one go away, not even on their own screen.
import { useState } from 'react';
import type { AppStatus } from '../../../../electron/contract/channels';
import { toApiError } from '../../api/api-error';
import { formatDateTime } from '../../pages/users/format-time';

type Notice = AppStatus['notices'][number];

interface Props {
  notices: Notice[];
  /** Administrators: 确认已知悉. Others are told an administrator must. */
  canAcknowledge: boolean;
  onAcknowledge: (notice: Notice) => Promise<void>;
}

export function NoticeArea({ notices, canAcknowledge, onAcknowledge }: Props) {
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label="数据提示">
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} canAcknowledge={canAcknowledge} onAcknowledge={onAcknowledge} />
      ))}
    </section>
  );
}

function NoticeItem({ notice, canAcknowledge, onAcknowledge }: { notice: Notice } & Omit<Props, 'notices'>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const acknowledge = async () => {
    setBusy(true);
    setError(null);
    try {
      await onAcknowledge(notice);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="notice" role="alert">
      <div>
        <p className="notice-text">
          <strong>请注意：</strong>
          {notice.message}
        </p>
        <p className="notice-since">
          提示时间：<time dateTime={notice.since}>{formatDateTime(notice.since)}</time>
        </p>
        {error && <p className="field-error">{error}</p>}
      </div>
      {canAcknowledge ? (
        <button type="button" className="button" disabled={busy} onClick={() => void acknowledge()}>
          确认已知悉
        </button>
      ) : (
        <span className="notice-who">请系统管理员确认</span>
      )}
    </div>
  );
}
