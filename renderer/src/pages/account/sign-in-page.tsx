// 登录: shown when the office exists and nobody is signed in. A demo folder lists its people and passwords.
import type { DemoAccount, SessionView } from '../../api/contract-values';
import { AuthCard } from '../../components/auth/auth-card';
import { DemoAccounts } from '../../components/auth/demo-accounts';
import { SignInForm } from './sign-in-form';

interface Props {
  officeName: string;
  demoAccounts: DemoAccount[] | undefined;
  onSignedIn: (session: SessionView) => void | Promise<void>;
}

export function SignInPage({ officeName, demoAccounts, onSignedIn }: Props) {
  return (
    <AuthCard title="登录" office={officeName}>
      <p className="setup-intro">请用本人的用户名和密码登录。本程序记录每个人的操作，请勿借用他人账号。</p>
      <SignInForm submitLabel="登录" onSignedIn={onSignedIn} />
      {demoAccounts && demoAccounts.length > 0 && <DemoAccounts accounts={demoAccounts} />}
    </AuthCard>
  );
}
