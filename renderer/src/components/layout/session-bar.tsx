// Who is signed in (name and role), with 锁定, 修改密码 and 退出登录. 锁定 keeps the page; 退出登录 closes it.
import { Link } from 'react-router';

interface Props {
  name: string;
  roleName: string;
  passwordPath: string;
  onLock: () => void;
  onSignOut: () => void;
}

export function SessionBar({ name, roleName, passwordPath, onLock, onSignOut }: Props) {
  return (
    <section className="session-bar" aria-label="当前用户">
      <div className="session-person">
        <span className="session-name">{name}</span>
        <span className="session-role">{roleName}</span>
      </div>
      <div className="session-actions">
        <button type="button" className="button small" onClick={onLock} title="离开座位时请锁定（Ctrl+L）">
          锁定
        </button>
        <Link className="button small" to={passwordPath}>
          修改密码
        </Link>
        <button type="button" className="button small" onClick={onSignOut}>
          退出登录
        </button>
      </div>
    </section>
  );
}
