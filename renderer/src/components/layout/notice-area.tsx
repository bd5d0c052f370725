// Store notices (a recovered snapshot, a discarded half-written change, a migration): the user must be told what
// happened to the data, so each stays until acknowledged.
import type { AppStatus } from '../../../../electron/contract/channels';

type Notice = AppStatus['notices'][number];

interface Props {
  notices: Notice[];
  onDismiss: (notice: Notice) => void;
}

export function NoticeArea({ notices, onDismiss }: Props) {
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label="数据提示">
      {notices.map((notice) => (
        <div key={`${notice.code}:${notice.message}`} className="notice" role="alert">
          <p className="notice-text">
            <strong>请注意：</strong>
            {notice.message}
          </p>
          <button type="button" className="button" onClick={() => onDismiss(notice)}>
            知道了
          </button>
        </div>
      ))}
    </section>
  );
}
