// The left column: which office this is, who is signed in, and the app's areas.
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import type { NavItem } from '../../app/nav-items';

interface Props {
  officeName: string;
  officeDetail: string;
  items: readonly NavItem[];
  footer: string | null;
  /** Who is signed in, below the office. */
  account?: ReactNode;
}

export function SideNav({ officeName, officeDetail, items, footer, account }: Props) {
  return (
    <header className="sidebar">
      <div className="sidebar-office">
        <div className="sidebar-app">关爱 · 农村留守儿童关爱保护</div>
        <div className="sidebar-office-name">{officeName}</div>
        <div className="sidebar-office-detail">{officeDetail}</div>
      </div>
      {account}
      <nav aria-label="主导航">
        <ul className="nav-list">
          {items.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end} className="nav-link">
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {footer && <div className="sidebar-footer">{footer}</div>}
    </header>
  );
}
