// The root route: reads the app's status and shows, in turn, the first-run set-up (and its recovery code), the
// sign-in page, the first password change, and then the layout with the page of the current route. Notices about
// the data (DATA/notices.json) stay on every page until an administrator acknowledges them on the server.
//
// Locking (idle time, Ctrl+L, 锁定, or any call refused with NOT_SIGNED_IN) ends the session but keeps the layout
// and its page mounted, hidden and inert, under the lock screen: unlocking returns to the page with its unsaved
// input. 退出登录 and 切换用户 discard the page.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { discardUnsavedForms } from '../hooks/use-form-draft';
import { Outlet, useNavigate } from 'react-router';
import type { AppStatus } from '../../../electron/contract/channels';
import { toApiError } from '../api/api-error';
import { useApi } from '../api/client';
import type { InitResult, SessionView } from '../api/contract-values';
import { useIdleLock } from '../hooks/use-idle-lock';
import { useQuery } from '../hooks/use-query';
import { FirstPasswordPage } from '../pages/account/first-password-page';
import { LockScreen } from '../pages/account/lock-screen';
import { SignInPage } from '../pages/account/sign-in-page';
import { RecoveryCodePage } from '../pages/setup/recovery-code-page';
import { SetupPage } from '../pages/setup/setup-page';
import { SecureLegacyPage } from '../pages/setup/secure-legacy-page';
import { AppLayout } from './app-layout';
import { AppStatusContext, type AppStatusValue } from './app-status';
import { paths } from './nav-items';
import { SessionContext, type SessionValue } from './session';
import { StartupProblem } from './startup-problem';
import { LeaveGuard } from './leave-guard';

type Notice = AppStatus['notices'][number];

/** open: the person works; locked: the lock screen over the kept page; signedOut: the sign-in page. */
type Mode = 'open' | 'locked' | 'signedOut';

const sameSession = (a: SessionView, b: SessionView | null) => JSON.stringify(a) === JSON.stringify(b);

export function AppFrame() {
  const api = useApi();
  const navigate = useNavigate();
  const {
    data: status,
    error,
    refetch,
  } = useQuery('app.status', {}, { refetchOn: ['store.changed', 'app.notice'] });
  const [pushed, setPushed] = useState<Notice[]>([]);
  const [recovery, setRecovery] = useState<InitResult | null>(null);
  /** The recovery code on screen is for an old folder just secured (not a new office). */
  const [secured, setSecured] = useState(false);
  /** The person whose pages are mounted (kept while locked). */
  const [person, setPerson] = useState<SessionView | null>(null);
  const [mode, setMode] = useState<Mode>('open');
  /** The layout's key: a new one discards the pages (and their unsaved input). */
  const [generation, setGeneration] = useState(0);
  const focusBeforeLock = useRef<HTMLElement | null>(null);
  // What the callbacks below read: set at once with the state, since a refused call can come back before React
  // has rendered the last change (auth.lock itself answers NOT_SIGNED_IN when the session had already ended).
  const state = useRef({ mode, person });
  const enter = useCallback((m: Mode, p: SessionView | null) => {
    state.current = { mode: m, person: p };
    setMode(m);
    setPerson(p);
  }, []);

  // A notice pushed while the app runs must be shown even if the status does not list it (yet). Once a status lists
  // it, the status speaks for it: acknowledged on the server, it leaves with the next status.
  useEffect(() => api.on('app.notice', (notice) => setPushed((list) => [...list, notice])), [api]);
  useEffect(() => {
    const listed = new Set(status?.notices.map((n) => n.id));
    setPushed((list) => (list.some((n) => listed.has(n.id)) ? list.filter((n) => !listed.has(n.id)) : list));
  }, [status]);

  const notices = useMemo(() => {
    const seen = new Set<string>();
    return [...(status?.notices ?? []), ...pushed].filter((n) => {
      if (seen.has(n.id)) return false;
      seen.add(n.id);
      return true;
    });
  }, [status, pushed]);

  // Only the server forgets a notice: nothing is hidden here until the status read afterwards leaves it out.
  const acknowledge = useCallback(
    async (notice: Notice) => {
      try {
        await api.invoke('notices.acknowledge', { id: notice.id });
      } catch (err) {
        // Already acknowledged (or never kept, for a pushed one): the server no longer holds it open.
        if (toApiError(err).code !== 'NOT_FOUND') throw err;
      }
      setPushed((list) => list.filter((n) => n.id !== notice.id));
      await refetch();
    },
    [api, refetch],
  );

  // The status names who is signed in: take it up while working (a role change shows at once). When it says nobody
  // is, although someone works here, the session ended elsewhere (the preview's idle limit): lock.
  const current = status?.session ?? null;
  useEffect(() => {
    if (!status?.initialised) return;
    const { mode: m, person: p } = state.current;
    if (m !== 'open') return;
    if (!status.session) {
      if (p) enter('locked', p);
      return;
    }
    if (p && p.login !== status.session.login) setGeneration((g) => g + 1);
    if (!sameSession(status.session, p)) enter('open', status.session);
  }, [status, enter]);

  const lock = useCallback(() => {
    if (state.current.mode !== 'open' || !state.current.person) return;
    focusBeforeLock.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    enter('locked', state.current.person);
    api.invoke('auth.lock', {}).catch(() => undefined);
  }, [api, enter]);

  // Any call refused because nobody is signed in shows the lock screen (or the sign-in page).
  useEffect(
    () =>
      api.onSession((change) => {
        if (change !== 'ended') return;
        if (state.current.mode === 'open' && state.current.person) lock();
        else if (state.current.mode === 'open') void refetch();
      }),
    [api, lock, refetch],
  );

  const discard = useCallback(async () => {
    // Switching person or signing out leaves without saving: the drafts go too (the next person must not find the
    // last one's input), and the unsaved-form guard has nothing left to hold the navigation for.
    discardUnsavedForms();
    enter('signedOut', null);
    setGeneration((g) => g + 1);
    await navigate(paths.home, { replace: true });
  }, [navigate, enter]);

  const signOut = useCallback(async () => {
    await discard();
    await api.invoke('auth.lock', {}).catch(() => undefined);
    await refetch();
  }, [api, discard, refetch]);

  const signedIn = useCallback(
    async (session: SessionView) => {
      enter('open', session);
      await refetch();
    },
    [refetch, enter],
  );

  const unlocked = useCallback(
    async (session: SessionView) => {
      await signedIn(session);
      const back = focusBeforeLock.current;
      focusBeforeLock.current = null;
      if (back?.isConnected) back.focus();
    },
    [signedIn],
  );

  useIdleLock(status?.idleMinutes ?? 10, mode === 'open' && !!person && !person.mustChangePassword, lock);

  // Go home first, so the page the address pointed at before set-up never flashes up.
  const onInitialised = useCallback(async () => {
    setRecovery(null);
    await navigate(paths.home, { replace: true });
    await refetch();
  }, [refetch, navigate]);

  const value = useMemo<AppStatusValue | null>(
    () => (status?.office && status.initialised ? { status, office: status.office, refetch } : null),
    [status, refetch],
  );
  // Before the status has been taken up, the person is the one it names.
  const shown = mode === 'signedOut' ? null : (person ?? current);
  const sessionValue = useMemo<SessionValue | null>(
    () => (shown ? { session: shown, lock, signOut: () => void signOut() } : null),
    [shown, lock, signOut],
  );

  if (!status) {
    return error ? <StartupProblem message={error.message} onRetry={refetch} /> : <StartupProblem loading />;
  }
  if (recovery) return <RecoveryCodePage result={recovery} onDone={onInitialised} secured={secured} />;
  if (!value) return <SetupPage onCreated={setRecovery} />;
  if (status.needsSecuring) return (
      <SecureLegacyPage
        officeName={value.office.name}
        onSecured={(result) => {
          setSecured(true);
          setRecovery(result);
        }}
      />
    );
  if (!shown || !sessionValue) {
    return (
      <SignInPage
        officeName={value.office.name}
        demoAccounts={status.demoAccounts}
        storeProblem={status.storeProblem}
        shell={status.shell}
        onSignedIn={signedIn}
        onStatusChanged={refetch}
      />
    );
  }
  if (shown.mustChangePassword) {
    return <FirstPasswordPage person={shown} onChanged={signedIn} onSignOut={() => void signOut()} />;
  }
  const locked = mode === 'locked';
  return (
    <SessionContext.Provider value={sessionValue}>
      <AppStatusContext.Provider value={value}>
        <div className="app-shell" hidden={locked} inert={locked}>
          <AppLayout
            key={generation}
            office={value.office}
            demo={status.demo}
            shell={status.shell}
            notices={notices}
            clockWarning={status.clockWarning}
            onAcknowledge={acknowledge}
            person={shown}
            onLock={lock}
            onSignOut={() => void signOut()}
          >
            <Outlet />
            <LeaveGuard />
          </AppLayout>
        </div>
        {locked && (
          <LockScreen
            person={shown}
            officeName={value.office.name}
            onUnlocked={unlocked}
            onSwitchUser={() => void discard()}
          />
        )}
      </AppStatusContext.Provider>
    </SessionContext.Provider>
  );
}
