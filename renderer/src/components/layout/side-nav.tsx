// The left column: which office this is, and the app's areas.
import { NavLink } from 'react-router';
import type { NavItem } from '../../app/nav-items';

interface Props {
  officeName: string;
  officeDetail: string;
  items: readonly NavItem[];
  footer: string | null;
}

export function SideNav({ officeName, officeDetail, items, footer }: Props) {
  return (
    <header className="sidebar">
      <div className="sidebar-office">
        <div className="sidebar-app">关爱 · 农村留守儿童关爱保护</div>
        <div className="sidebar-office-name">{officeName}</div>
        <div className="sidebar-office-detail">{officeDetail}</div>
      </div>
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
