// The four roles, each with what it may do, as one select.
import { roleNames, roles, type Role } from '../../api/contract-values';

export const roleScopes: Record<Role, string> = {
  admin: '全部功能，含人员管理、审计日志和设置',
  ledger: '留守儿童台账、走访、帮扶、评估、强制报告和 Excel 导入导出',
  meeting: '成员单位与职责、督办事项、会议与纪要、简报和数据交换',
  viewer: '只能查看，号码均为隐藏状态，不能导出或打印个人信息',
};

interface Props {
  value: Role | '';
  onChange: (role: Role | '') => void;
  name?: string;
  /** Set by the Field around it. */
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

export function RoleSelect({ value, onChange, name = 'role', ...labelled }: Props) {
  return (
    <select
      {...labelled}
      name={name}
      className="input input-select"
      value={value}
      onChange={(e) => onChange(e.target.value as Role | '')}
    >
      <option value="">请选择</option>
      {roles.map((r) => (
        <option key={r} value={r}>
          {roleNames[r]}
        </option>
      ))}
    </select>
  );
}
