// 人员管理 (administrators): who may use the program, in which role; add people, change roles, reset passwords,
// disable and enable. Nobody is deleted.
import { useState } from 'react';
import { roleNames, type UserView } from '../../api/contract-values';
import { NoAccess } from '../../components/no-access';
import { Page } from '../../components/page';
import { useCan, useSession } from '../../app/session';
import { useQuery } from '../../hooks/use-query';
import { AddPersonForm } from './add-person-form';
import { formatDateTime } from './format-time';
import { PersonActionPanel, type PersonAction } from './person-action-panel';

export function UsersPage() {
  if (!useCan('users.list')) return <NoAccess title="人员管理" />;
  return <UsersList />;
}

function UsersList() {
  const { session } = useSession();
  const { data, error, refetch } = useQuery('users.list', {}, { entities: ['user'] });
  const [open, setOpen] = useState<{ login: string; action: PersonAction } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const person = open && data?.find((p) => p.login === open.login);

  const done = async (text: string) => {
    setOpen(null);
    setMessage(text);
    await refetch();
  };
  const choose = (p: UserView, action: PersonAction) => {
    setMessage(null);
    setOpen({ login: p.login, action });
  };

  return (
    <Page title="人员管理">
      <p className="explain">
        每位工作人员用自己的账号登录，程序按角色决定其能做什么，并在每条记录中写明经办人。人员不能删除：离开的人请停用，其经办的记录仍保留其姓名。
      </p>
      {error && (
        <div className="form-error" role="alert">
          <p>{error.message}</p>
        </div>
      )}
      {message && (
        <p className="ok-box" role="status">
          {message}
        </p>
      )}
      {!data && !error && <p role="status">正在读取……</p>}
      {data && (
        <div className="table-scroll">
          <table className="data-table" aria-label="人员列表">
            <thead>
              <tr>
                <th scope="col">用户名</th>
                <th scope="col">姓名</th>
                <th scope="col">角色</th>
                <th scope="col">状态</th>
                <th scope="col">最近登录</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {data.map((p) => (
                <tr key={p.login} className={p.disabled ? 'inactive' : undefined}>
                  <td className="mono">{p.login}</td>
                  <td>{p.name}</td>
                  <td>{roleNames[p.role]}</td>
                  <td>{p.disabled ? '已停用' : p.mustChangePassword ? '在用（待本人改密码）' : '在用'}</td>
                  <td>{p.lastSignIn ? formatDateTime(p.lastSignIn) : '从未登录'}</td>
                  <td className="row-actions">
                    {!p.disabled && (
                      <>
                        <button
                          type="button"
                          className="button small"
                          aria-label={`修改${p.name}的角色`}
                          onClick={() => choose(p, 'role')}
                        >
                          修改角色
                        </button>
                        <button
                          type="button"
                          className="button small"
                          aria-label={`重置${p.name}的密码`}
                          onClick={() => choose(p, 'reset')}
                        >
                          重置密码
                        </button>
                      </>
                    )}
                    {p.login !== session.login &&
                      (p.disabled ? (
                        <button
                          type="button"
                          className="button small"
                          aria-label={`启用${p.name}`}
                          onClick={() => choose(p, 'enable')}
                        >
                          启用
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="button small"
                          aria-label={`停用${p.name}`}
                          onClick={() => choose(p, 'disable')}
                        >
                          停用
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {person && open && (
        <PersonActionPanel
          key={`${open.login}:${open.action}`}
          person={person}
          action={open.action}
          onDone={(text) => void done(text)}
          onCancel={() => setOpen(null)}
        />
      )}
      <section aria-labelledby="users-add">
        <h2 id="users-add">新增人员</h2>
        <p className="explain">
          由系统管理员设置初始密码，并当面告知本人；本人首次登录时必须改为只有自己知道的密码。
        </p>
        <AddPersonForm onAdded={(name) => void done(`已新增${name}。请把用户名和初始密码当面告知本人。`)} />
      </section>
    </Page>
  );
}
