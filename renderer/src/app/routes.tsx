// The route table, shared by the hash router of the running app and the memory router of the tests.
import type { RouteObject } from 'react-router';
import { AppFrame } from './app-frame';
import { RouteError } from './route-error';
import { HomePage } from '../pages/home/home-page';
import { LedgerPage } from '../pages/ledger/ledger-page';
import { UnitsPage } from '../pages/units/units-page';
import { MeetingsPage } from '../pages/meetings/meetings-page';
import { ExchangePage } from '../pages/exchange/exchange-page';
import { SettingsPage } from '../pages/settings/settings-page';
import { NotFoundPage } from '../pages/not-found/not-found-page';

// Each area may add nested routes (e.g. ledger/:id) in its own pages folder and list them here.
export const appRoutes: RouteObject[] = [
  {
    path: '/',
    element: <AppFrame />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'ledger', element: <LedgerPage /> },
      { path: 'units', element: <UnitsPage /> },
      { path: 'meetings', element: <MeetingsPage /> },
      { path: 'exchange', element: <ExchangePage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
