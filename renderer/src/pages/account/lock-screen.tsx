// The lock screen: nothing of the page underneath is visible. The same person unlocks with their password and
// returns to the page as they left it; 切换用户 lets someone else sign in instead (the page is then discarded).
import type { SessionView } from '../../api/contract-values';
import { AuthCard } from '../../components/auth/auth-card';
import { roleNames } from '../../api/contract-values';
import { SignInForm } from './sign-in-form';

interface Props {
  person: SessionView;
  officeName: string;
  onUnlocked: (session: SessionView) => void | Promise<void>;
  onSwitchUser: () => void;
}

export function LockScreen({ person, officeName, onUnlocked, onSwitchUser }: Props) {
  return (
    <AuthCard title="已锁定" office={officeName}>
      <p className="setup-intro">
        为保护儿童和家庭的个人信息，程序已锁定。
        <strong className="lock-person">
          {person.name}（{roleNames[person.role]}）
        </strong>
        请输入密码解锁，解锁后回到原来的页面，未保存的内容仍在。
      </p>
      <SignInForm
        login={person.login}
        submitLabel="解锁"
        onSignedIn={onUnlocked}
        actions={
          <button type="button" className="button auth-secondary" onClick={onSwitchUser}>
            切换用户
          </button>
        }
      />
    </AuthCard>
  );
}
