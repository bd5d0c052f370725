// The route table, shared by the hash router of the running app and the memory router of the tests.
import type { RouteObject } from 'react-router';
import { AppFrame } from './app-frame';
import { RouteError } from './route-error';
import { HomePage } from '../pages/home/home-page';
import { LedgerPage } from '../pages/ledger/ledger-page';
import { ChildFormPage } from '../pages/ledger/child-form-page';
import { ChildPage } from '../pages/ledger/child-page';
import { ReportsPage } from '../pages/ledger/reports/reports-page';
import { ReportNewPage } from '../pages/ledger/reports/report-new-page';
import { ReportPage } from '../pages/ledger/reports/report-page';
import { StatsPage } from '../pages/ledger/stats/stats-page';
import { ImportPage } from '../pages/ledger/excel/import-page';
import { UnitsPage } from '../pages/units/units-page';
import { UnitPage } from '../pages/units/unit-page';
import { TasksPage } from '../pages/units/tasks-page';
import { TaskPage } from '../pages/units/task-page';
import { BulletinsPage } from '../pages/units/bulletins-page';
import { BulletinPage } from '../pages/units/bulletin-page';
import { ConnectedUnitsPage } from '../pages/unit-office/connected-page';
import { MeetingsPage } from '../pages/meetings/meetings-page';
import { MeetingPage } from '../pages/meetings/meeting-page';
import { MinutesPage } from '../pages/meetings/minutes-page';
import { ExchangePage } from '../pages/exchange/exchange-page';
import { SettingsPage } from '../pages/settings/settings-page';
import { NotFoundPage } from '../pages/not-found/not-found-page';
import { UsersPage } from '../pages/users/users-page';
import { AuditPage } from '../pages/audit/audit-page';
import { PasswordPage } from '../pages/account/password-page';

// Each area may add nested routes (e.g. ledger/:id) in its own pages folder and list them here.
export const appRoutes: RouteObject[] = [
  {
    path: '/',
    element: <AppFrame />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'ledger', element: <LedgerPage /> },
      { path: 'ledger/reports', element: <ReportsPage /> },
      { path: 'ledger/reports/new', element: <ReportNewPage /> },
      { path: 'ledger/reports/:id', element: <ReportPage /> },
      { path: 'ledger/stats', element: <StatsPage /> },
      { path: 'ledger/import', element: <ImportPage /> },
      { path: 'ledger/new', element: <ChildFormPage /> },
      { path: 'ledger/:id', element: <ChildPage /> },
      { path: 'ledger/:id/edit', element: <ChildFormPage /> },
      { path: 'units', element: <UnitsPage /> },
      { path: 'units/tasks', element: <TasksPage /> },
      { path: 'units/tasks/:id', element: <TaskPage /> },
      { path: 'units/bulletins', element: <BulletinsPage /> },
      { path: 'units/bulletins/:id', element: <BulletinPage /> },
      { path: 'units/connected', element: <ConnectedUnitsPage /> },
      { path: 'units/:unitId', element: <UnitPage /> },
      {
        path: 'meetings',
        children: [
          { index: true, element: <MeetingsPage /> },
          { path: ':id', element: <MeetingPage /> },
          { path: ':id/minutes', element: <MinutesPage /> },
        ],
      },
      { path: 'exchange', element: <ExchangePage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'password', element: <PasswordPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
