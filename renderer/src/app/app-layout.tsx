// The frame around every page: the navigation on the left, the demo banner and store notices above the page.
// After each navigation the page heading takes focus, so keyboard and screen-reader users land on the new page.
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import type { AppStatus } from '../../../electron/contract/channels';
import { officeLevelNames } from '../api/contract-values';
import { DemoBanner } from '../components/layout/demo-banner';
import { NoticeArea } from '../components/layout/notice-area';
import { SideNav } from '../components/layout/side-nav';
import type { OfficePublic } from './app-status';
import { navItems } from './nav-items';

type Notice = AppStatus['notices'][number];

interface Props {
  office: OfficePublic;
  demo: boolean;
  shell: AppStatus['shell'];
  notices: Notice[];
  onDismiss: (notice: Notice) => void;
  children: ReactNode;
}

export function AppLayout({ office, demo, shell, notices, onDismiss, children }: Props) {
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
        items={navItems}
        footer={shell === 'preview' ? '浏览器预览' : null}
      />
      <main ref={main} className="main" tabIndex={-1}>
        <div className="main-inner">
          {demo && <DemoBanner />}
          <NoticeArea notices={notices} onDismiss={onDismiss} />
          {children}
        </div>
      </main>
    </div>
  );
}
