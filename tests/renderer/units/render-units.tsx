// Renders the units area's pages alone (the real pages, a memory router, a fake bridge, a fixed app status and
// signed-in person), so these tests do not depend on every other area's pages loading under jsdom.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { ApiProvider } from '../../../renderer/src/api/client';
import { AppStatusContext } from '../../../renderer/src/app/app-status';
import { SessionContext } from '../../../renderer/src/app/session';
import { BulletinPage } from '../../../renderer/src/pages/units/bulletin-page';
import { BulletinsPage } from '../../../renderer/src/pages/units/bulletins-page';
import { TaskPage } from '../../../renderer/src/pages/units/task-page';
import { TasksPage } from '../../../renderer/src/pages/units/tasks-page';
import { UnitPage } from '../../../renderer/src/pages/units/unit-page';
import { UnitsPage } from '../../../renderer/src/pages/units/units-page';
import { fakeStatus, type FakeApi } from '../../helpers/fake-api';

export function renderUnits(api: FakeApi, path: string, status = fakeStatus()) {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: <Outlet />,
        children: [
          { path: 'units', element: <UnitsPage /> },
          { path: 'units/tasks', element: <TasksPage /> },
          { path: 'units/tasks/:id', element: <TaskPage /> },
          { path: 'units/bulletins', element: <BulletinsPage /> },
          { path: 'units/bulletins/:id', element: <BulletinPage /> },
          { path: 'units/:unitId', element: <UnitPage /> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  const user = userEvent.setup();
  const view = render(
    <ApiProvider bridge={api.bridge}>
      <SessionContext.Provider value={{ session: status.session!, lock: () => undefined, signOut: () => undefined }}>
        <AppStatusContext.Provider value={{ status, office: status.office!, refetch: async () => undefined }}>
          <RouterProvider router={router} />
        </AppStatusContext.Provider>
      </SessionContext.Provider>
    </ApiProvider>,
  );
  return { ...view, router, user };
}
