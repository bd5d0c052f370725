// Keeps the window title in step with the page, so the taskbar and screen readers name where the user is.
import { useEffect } from 'react';

export const APP_TITLE = '关爱';

export function useDocumentTitle(page: string | null): void {
  useEffect(() => {
    document.title = page ? `${page} - ${APP_TITLE}` : APP_TITLE;
  }, [page]);
}
