// Right after the office is created: the recovery code, shown this once. It is the only way back to the data when
// every administrator's password is forgotten, so it is printed and kept in the office safe, not on this computer.
import { useState } from 'react';
import type { InitResult } from '../../api/contract-values';
import { AuthCard } from '../../components/auth/auth-card';

interface Props {
  result: InitResult;
  onDone: () => void | Promise<void>;
  /** An old folder was secured (not a new office created). */
  secured?: boolean;
}

export function RecoveryCodePage({ result, onDone, secured = false }: Props) {
  const [kept, setKept] = useState(false);
  return (
    <AuthCard title="请保存恢复码" office={result.office.name}>
      <p className="setup-intro">
        {secured ? '数据已加密' : '本单位已创建'}，系统管理员的用户名是 <strong className="mono">{result.admin}</strong>。
      </p>
      <div className="recovery-code" aria-label="恢复码">
        <code>{result.recoveryCode}</code>
      </div>
      <div className="warn-box" role="note">
        <p>
          <strong>恢复码只显示这一次。</strong>
          如果所有系统管理员都忘记了密码，只有凭恢复码才能重新进入并取回本单位的数据。
        </p>
        <p>
          请立即打印（或工整抄写）恢复码，在纸上注明单位名称和日期，装入信封封好，存放在单位保险柜中。不要保存在这台电脑上，不要拍照，也不要通过微信、QQ
          或电子邮件发送。
        </p>
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => window.print()}>
          打印恢复码
        </button>
      </div>
      <label className="check-line">
        <input type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} />
        我已妥善保存恢复码
      </label>
      <div className="form-actions">
        <button type="button" className="button primary" disabled={!kept} onClick={() => void onDone()}>
          继续
        </button>
      </div>
    </AuthCard>
  );
}
