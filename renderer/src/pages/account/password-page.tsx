// 修改密码 from the frame: the person changes their own password at any time.
import { useState } from 'react';
import { Page } from '../../components/page';
import { ChangePasswordForm } from './change-password-form';

export function PasswordPage() {
  const [done, setDone] = useState(false);
  return (
    <Page title="修改密码">
      <p className="explain">密码只有您本人知道。请勿把密码告诉他人，也不要写在显眼处。</p>
      {done && (
        <p className="ok-box" role="status">
          新密码已保存，下次登录和解锁时请使用新密码。
        </p>
      )}
      <ChangePasswordForm onChanged={() => setDone(true)} />
    </Page>
  );
}
