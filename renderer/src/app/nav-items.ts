// The left navigation, in the order offices work through it. Each area's page lives in pages/<area>/.
import type { ChannelName } from '../../../electron/contract/channels';

export interface NavItem {
  to: string;
  label: string;
  /** Match only this exact path (the home page would otherwise be active everywhere). */
  end?: boolean;
  /** Shown only to people who may call this channel (the page's own data). */
  requires?: ChannelName;
  /** Hidden at a member unit's office (issue 14): it keeps no ledger, and the dispatcher refuses those channels. */
  notAtUnit?: boolean;
}

export const paths = {
  home: '/',
  ledger: '/ledger',
  units: '/units',
  meetings: '/meetings',
  exchange: '/exchange',
  users: '/users',
  audit: '/audit',
  settings: '/settings',
  password: '/password',
} as const;

export const navItems: readonly NavItem[] = [
  { to: paths.home, label: '首页', end: true },
  { to: paths.ledger, label: '留守儿童台账', notAtUnit: true },
  { to: paths.units, label: '成员单位与职责' },
  { to: paths.meetings, label: '会议与纪要' },
  { to: paths.exchange, label: '数据交换' },
  { to: paths.users, label: '人员管理', requires: 'users.list' },
  { to: paths.audit, label: '审计日志', requires: 'audit.list' },
  { to: paths.settings, label: '设置' },
];

/** The items this person may see (at a member unit's office, `level` 'unit', no ledger). */
export const navItemsFor = (allowed: readonly string[], level?: string): NavItem[] =>
  navItems.filter((item) => (!item.requires || allowed.includes(item.requires)) && !(item.notAtUnit && level === 'unit'));
