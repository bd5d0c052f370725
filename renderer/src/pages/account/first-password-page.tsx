// After signing in with a password an administrator set (first sign-in, or after a reset): nothing else is shown
// until the person has chosen their own.
import type { SessionView } from '../../api/contract-values';
import { AuthCard } from '../../components/auth/auth-card';
import { ChangePasswordForm } from './change-password-form';

interface Props {
  person: SessionView;
  onChanged: (session: SessionView) => void | Promise<void>;
  onSignOut: () => void;
}

export function FirstPasswordPage({ person, onChanged, onSignOut }: Props) {
  return (
    <AuthCard title="请设置自己的密码">
      <p className="setup-intro">
        {person.name}
        ，您好。您现在使用的密码是系统管理员设置的，请先改为只有您本人知道的密码，然后才能继续使用。
      </p>
      <ChangePasswordForm onChanged={onChanged} />
      <p>
        <button type="button" className="link-button" onClick={onSignOut}>
          退出登录
        </button>
      </p>
    </AuthCard>
  );
}
