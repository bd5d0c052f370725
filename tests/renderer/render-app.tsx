// Renders the whole renderer app (the real route table) on a memory router over a fake bridge.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { ApiProvider } from '../../renderer/src/api/client';
import { appRoutes } from '../../renderer/src/app/routes';
import type { FakeApi } from '../helpers/fake-api';

/** With jest's fake timers, pass `{ advanceTimers: jest.advanceTimersByTime }` so typing does not wait forever. */
export function renderApp(api: FakeApi, path = '/', options: Parameters<typeof userEvent.setup>[0] = {}) {
  const router = createMemoryRouter(appRoutes, { initialEntries: [path] });
  const user = userEvent.setup(options);
  const view = render(
    <ApiProvider bridge={api.bridge}>
      <RouterProvider router={router} />
    </ApiProvider>,
  );
  return { ...view, router, user };
}
