// The frame around every page: the navigation on the left (with who is signed in), the demo banner and the notices
// about the data above the page.
// After each navigation the page heading takes focus, so keyboard and screen-reader users land on the new page.
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import type { AppStatus } from '../../../electron/contract/channels';
import { officeLevelNames, roleNames, type SessionView } from '../api/contract-values';
import { DemoBanner } from '../components/layout/demo-banner';
import { NoticeArea } from '../components/layout/notice-area';
import { SessionBar } from '../components/layout/session-bar';
import { SideNav } from '../components/layout/side-nav';
import type { OfficePublic } from './app-status';
import { navItemsFor, paths } from './nav-items';

type Notice = AppStatus['notices'][number];

interface Props {
  office: OfficePublic;
  demo: boolean;
  shell: AppStatus['shell'];
  notices: Notice[];
  /** The PC's clock is behind the newest record (see electron/app/clock-check.ts): shown until the clock is right. */
  clockWarning?: string | null;
  onAcknowledge: (notice: Notice) => Promise<void>;
  person: SessionView;
  onLock: () => void;
  onSignOut: () => void;
  children: ReactNode;
}

export function AppLayout(props: Props) {
  const { office, demo, shell, notices, clockWarning, onAcknowledge, person, children } = props;
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstPath = useRef(pathname);

  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = '';
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [pathname]);

  const skipToMain = () => main.current?.querySelector<HTMLElement>('h1')?.focus() ?? main.current?.focus();

  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={skipToMain}>
        跳到正文
      </button>
      <SideNav
        officeName={office.name}
        officeDetail={`${officeLevelNames[office.level]} · ${office.code}`}
        items={navItemsFor(person.allowed, office.level)}
        footer={shell === 'preview' ? '浏览器预览' : null}
        account={
          <SessionBar
            name={person.name}
            roleName={roleNames[person.role]}
            passwordPath={paths.password}
            onLock={props.onLock}
            onSignOut={props.onSignOut}
          />
        }
      />
      <main ref={main} className="main" tabIndex={-1}>
        <div className="main-inner">
          {demo && <DemoBanner />}
          {clockWarning && (
            <p className="notice" role="alert" aria-label="时钟提示">
              <strong>请注意：</strong>
              {clockWarning}
            </p>
          )}
          <NoticeArea
            notices={notices}
            canAcknowledge={person.allowed.includes('notices.acknowledge')}
            onAcknowledge={onAcknowledge}
          />
          {children}
        </div>
      </main>
    </div>
  );
}
