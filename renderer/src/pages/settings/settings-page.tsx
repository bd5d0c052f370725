// 设置: who this office is, its fingerprint, where its data lives, security, the ledger's settings, and (for
// administrators) 备份与恢复.
import { officeLevelNames } from '../../api/contract-values';
import { Fingerprint } from '../../components/fingerprint';
import { Page } from '../../components/page';
import { useCan } from '../../app/session';
import { useQuery } from '../../hooks/use-query';
import { CodeListExtensionForm } from './code-list-extension-form';
import { BackupSection } from './backup/backup-section';
import { formatDate } from './format-date';
import { SecurityForm } from './security-form';
import { VisitPeriodForm } from './visit-period-form';

export function SettingsPage() {
  const { data, error, refetch } = useQuery('settings.get', {});
  const canSetLedger = useCan('ledger.settings.set');
  const canExtendCodes = useCan('codelists.extend');
  const canSetSecurity = useCan('security.set');
  const canBackUp = useCan('backup.status');
  return (
    <Page title="设置">
      {!data && !error && <p role="status">正在读取……</p>}
      {!data && error && (
        <div className="form-error" role="alert">
          <p>{error.message}</p>
          <button type="button" className="button" onClick={() => void refetch()}>
            重试
          </button>
        </div>
      )}
      {data && (
        <>
          <section aria-labelledby="settings-office">
            <h2 id="settings-office">本单位</h2>
            <dl className="details">
              <dt>单位代码</dt>
              <dd>{data.office.code}</dd>
              <dt>单位名称</dt>
              <dd>{data.office.name}</dd>
              <dt>级别</dt>
              <dd>{officeLevelNames[data.office.level]}</dd>
              <dt>创建时间</dt>
              <dd>{formatDate(data.office.createdAt)}</dd>
            </dl>
          </section>

          <section aria-labelledby="settings-fingerprint">
            <h2 id="settings-fingerprint">本单位指纹</h2>
            <Fingerprint value={data.office.fingerprint} />
            <p className="explain">
              指纹是本单位身份密钥的简短摘要。与其他单位首次交换数据前，双方通过电话或当面互相朗读各自的指纹，并与对方单位名片上显示的指纹逐组核对；完全一致，才能确认名片确实来自对方。
            </p>
          </section>

          <section aria-labelledby="settings-data">
            <h2 id="settings-data">数据</h2>
            <dl className="details">
              <dt>数据文件夹</dt>
              <dd>
                <code className="path">{data.dataDir}</code>
              </dd>
              <dt>数据格式版本</dt>
              <dd>{data.schemaVersion}</dd>
              <dt>修改记录</dt>
              <dd>{data.operations} 条</dd>
            </dl>
          </section>

          {canSetSecurity && (
            <section aria-labelledby="settings-security">
              <h2 id="settings-security">安全</h2>
              <SecurityForm />
            </section>
          )}

          {(canSetLedger || canExtendCodes) && (
            <section aria-labelledby="settings-ledger">
              <h2 id="settings-ledger">台账设置</h2>
              {canSetLedger && (
                <section aria-labelledby="settings-ledger-visits">
                  <h3 id="settings-ledger-visits">走访提醒</h3>
                  <VisitPeriodForm />
                </section>
              )}
              {canExtendCodes && (
                <section aria-labelledby="settings-ledger-codes">
                  <h3 id="settings-ledger-codes">代码表增补</h3>
                  <p className="explain">
                    台账中的选项来自程序自带的代码表。本地有代码表未列出的情形（如其他退出原因）时，可在此增补；增补的项目标注“本单位添加”。
                  </p>
                  <CodeListExtensionForm />
                </section>
              )}
            </section>
          )}

          {canBackUp ? (
            <BackupSection onDataReplaced={refetch} />
          ) : (
            <section aria-labelledby="settings-backup-note">
              <h2 id="settings-backup-note">备份</h2>
              <p className="explain">
                本单位的数据由系统管理员在本页“备份与恢复”中加密备份到 U
                盘。数据文件夹中有儿童和家庭的个人信息以及本单位的密钥，切勿通过电子邮件、微信或 QQ
                发送，也不要上传到网盘。
              </p>
            </section>
          )}
        </>
      )}
    </Page>
  );
}
