// Demo folders only: the demonstration people and their passwords, clearly marked, so a trainee can try each role.
import { roleNames, type DemoAccount } from '../../api/contract-values';

interface Props {
  accounts: DemoAccount[];
}

export function DemoAccounts({ accounts }: Props) {
  return (
    <section className="demo-accounts" aria-label="演示账号">
      <p className="demo-accounts-title">
        <strong>演示数据</strong>：以下账号仅供试用
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">用户名</th>
            <th scope="col">密码</th>
            <th scope="col">姓名</th>
            <th scope="col">角色</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.login}>
              <td className="mono">{a.login}</td>
              <td className="mono">{a.password}</td>
              <td>{a.name}</td>
              <td>{roleNames[a.role]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
