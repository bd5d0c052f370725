// 登录: shown when the office exists and nobody is signed in. A demo folder lists its people and passwords.
// When the data could not be opened at a sign-in (damaged or missing), the page says so first and offers 从备份恢复;
// after a restore the person signs in again, with an account of the restored data.
import { useState } from 'react';
import type { AppStatus } from '../../../../electron/contract/channels';
import type { BackupRestored } from '../../../../electron/contract/schemas/backup';
import type { DemoAccount, SessionView } from '../../api/contract-values';
import { AuthCard } from '../../components/auth/auth-card';
import { DemoAccounts } from '../../components/auth/demo-accounts';
import { RestoredSummary } from '../../components/backup/restored-summary';
import { RestoreUnopenedForm } from './restore-unopened-form';
import { SignInForm } from './sign-in-form';

/** The refusals that mean the data itself could not be opened: the status then names the problem. */
const STORE_PROBLEMS = new Set(['STORE_DAMAGED', 'STORE_MISSING']);

interface Props {
  officeName: string;
  demoAccounts: DemoAccount[] | undefined;
  storeProblem: AppStatus['storeProblem'];
  shell: AppStatus['shell'];
  onSignedIn: (session: SessionView) => void | Promise<void>;
  /** Reads the status again (after the data could not be opened, after a restore). */
  onStatusChanged: () => Promise<void>;
}

export function SignInPage({ officeName, demoAccounts, storeProblem, shell, onSignedIn, onStatusChanged }: Props) {
  const [restored, setRestored] = useState<BackupRestored | null>(null);
  // The refusal itself names the problem at once; the status read again names it too (and after a reload).
  const [refusedWith, setRefusedWith] = useState<AppStatus['storeProblem']>(null);
  // The problem stays in the status until someone signs in to the restored data: a restore answers it here.
  const problem = restored ? null : (storeProblem ?? refusedWith);
  return (
    <AuthCard title="登录" office={officeName}>
      {problem && (
        <div className="form-error" role="alert" aria-label="数据无法打开">
          <p>
            <strong>本单位的数据无法打开。</strong>
            {problem.message}
          </p>
        </div>
      )}
      {restored && (
        <>
          <RestoredSummary restored={restored} />
          <p className="setup-intro">请用备份中的账号登录。</p>
        </>
      )}
      {!problem && !restored && (
        <p className="setup-intro">请用本人的用户名和密码登录。本程序记录每个人的操作，请勿借用他人账号。</p>
      )}
      {problem && (
        <section aria-labelledby="signin-restore">
          <h2 id="signin-restore">从备份恢复</h2>
          <RestoreUnopenedForm
            desktop={shell === 'desktop'}
            onRestored={async (result) => {
              setRestored(result);
              await onStatusChanged();
            }}
          />
        </section>
      )}
      {problem && <h2 id="signin-again">恢复后登录</h2>}
      <SignInForm
        submitLabel="登录"
        onSignedIn={onSignedIn}
        onRefused={(error) => {
          if (!STORE_PROBLEMS.has(error.code)) return false;
          // Shown above the restore, not again under the form.
          setRefusedWith({ code: error.code, message: error.message });
          setRestored(null);
          void onStatusChanged();
          return true;
        }}
      />
      {demoAccounts && demoAccounts.length > 0 && <DemoAccounts accounts={demoAccounts} />}
    </AuthCard>
  );
}
