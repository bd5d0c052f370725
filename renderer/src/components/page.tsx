// A page's heading and body. The heading names the window too, and takes focus after navigation (see AppLayout).
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../hooks/use-document-title';

interface Props {
  title: string;
  /** The window title when it should differ from the heading (the home page shows the office name). */
  windowTitle?: string;
  children: ReactNode;
}

export function Page({ title, windowTitle, children }: Props) {
  useDocumentTitle(windowTitle ?? title);
  return (
    <article className="page">
      <h1 className="page-title" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </article>
  );
}
