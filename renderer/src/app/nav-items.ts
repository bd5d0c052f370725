// The left navigation, in the order offices work through it. Each area's page lives in pages/<area>/.
export interface NavItem {
  to: string;
  label: string;
  /** Match only this exact path (the home page would otherwise be active everywhere). */
  end?: boolean;
}

export const paths = {
  home: '/',
  ledger: '/ledger',
  units: '/units',
  meetings: '/meetings',
  exchange: '/exchange',
  settings: '/settings',
} as const;

export const navItems: readonly NavItem[] = [
  { to: paths.home, label: '首页', end: true },
  { to: paths.ledger, label: '留守儿童台账' },
  { to: paths.units, label: '成员单位与职责' },
  { to: paths.meetings, label: '会议与纪要' },
  { to: paths.exchange, label: '数据交换' },
  { to: paths.settings, label: '设置' },
];
