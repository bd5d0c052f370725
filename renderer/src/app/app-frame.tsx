// The root route: reads the app's status and shows the first-run set-up until the office exists, then the layout
// with the page of the current route. Store notices (recoveries) stay on screen until the user acknowledges them.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Outlet, useNavigate } from 'react-router';
import type { AppStatus } from '../../../electron/contract/channels';
import { useApi } from '../api/client';
import { useQuery } from '../hooks/use-query';
import { AppStatusContext, type AppStatusValue } from './app-status';
import { AppLayout } from './app-layout';
import { paths } from './nav-items';
import { SetupPage } from '../pages/setup/setup-page';
import { StartupProblem } from './startup-problem';

type Notice = AppStatus['notices'][number];
const noticeKey = (n: Notice) => `${n.code}\u0000${n.message}`;

export function AppFrame() {
  const api = useApi();
  const navigate = useNavigate();
  const {
    data: status,
    error,
    refetch,
  } = useQuery('app.status', {}, { refetchOn: ['store.changed', 'app.notice'] });
  const [pushed, setPushed] = useState<Notice[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());

  // A notice pushed while the app runs must be shown even if the status does not list it.
  useEffect(() => api.on('app.notice', (notice) => setPushed((list) => [...list, notice])), [api]);

  const notices = useMemo(() => {
    const seen = new Set<string>();
    return [...(status?.notices ?? []), ...pushed].filter((n) => {
      const key = noticeKey(n);
      if (seen.has(key) || dismissed.has(key)) return false;
      seen.add(key);
      return true;
    });
  }, [status, pushed, dismissed]);

  const dismiss = useCallback(
    (notice: Notice) => setDismissed((set) => new Set(set).add(noticeKey(notice))),
    [],
  );

  // Go home first, so the page the address pointed at before set-up never flashes up.
  const onInitialised = useCallback(async () => {
    await navigate(paths.home, { replace: true });
    await refetch();
  }, [refetch, navigate]);

  const value = useMemo<AppStatusValue | null>(
    () => (status?.office && status.initialised ? { status, office: status.office, refetch } : null),
    [status, refetch],
  );

  if (!status) {
    return error ? <StartupProblem message={error.message} onRetry={refetch} /> : <StartupProblem loading />;
  }
  if (!value) return <SetupPage onInitialised={onInitialised} />;
  return (
    <AppStatusContext.Provider value={value}>
      <AppLayout
        office={value.office}
        demo={status.demo}
        shell={status.shell}
        notices={notices}
        onDismiss={dismiss}
      >
        <Outlet />
      </AppLayout>
    </AppStatusContext.Provider>
  );
}
