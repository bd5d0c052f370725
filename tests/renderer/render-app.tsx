// Renders the whole renderer app (the real route table) on a memory router over a fake bridge.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { ApiProvider } from '../../renderer/src/api/client';
import { appRoutes } from '../../renderer/src/app/routes';
import type { FakeApi } from '../helpers/fake-api';

export function renderApp(api: FakeApi, path = '/') {
  const router = createMemoryRouter(appRoutes, { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(
    <ApiProvider bridge={api.bridge}>
      <RouterProvider router={router} />
    </ApiProvider>,
  );
  return { ...view, router, user };
}
