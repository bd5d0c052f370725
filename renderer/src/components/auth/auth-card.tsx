// The card of the screens shown instead of the app: sign-in, the lock screen, the first password change.
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../hooks/use-document-title';

interface Props {
  title: string;
  /** Above the heading, e.g. the office's name. */
  office?: string;
  children: ReactNode;
}

export function AuthCard({ title, office, children }: Props) {
  useDocumentTitle(title);
  return (
    <div className="setup">
      <main className="setup-card auth-card">
        <div className="setup-app">关爱 · 农村留守儿童关爱保护</div>
        {office && <div className="auth-office">{office}</div>}
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
