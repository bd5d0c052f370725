// How report dates, moments and step states read on screen.
import type { StepState, StepStatus } from '../../../../../electron/contract/schemas/report';

/** '2026-03-10' → '2026年3月10日'; '2026-03-10T08:05' → '2026年3月10日 08:05'. */
export function formatMoment(value: string | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?$/.exec(value);
  if (!m) return value;
  const day = `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
  return m[4] ? `${day} ${m[4]}` : day;
}

export const stepStateLabels: Record<StepState, string> = {
  done: '已办理',
  late: '超时办理',
  pending: '待办理',
  overdue: '已超时',
  optional: '视情况',
  skipped: '未办理',
};

export function stepStateText(s: StepStatus): string {
  if (s.state === 'pending' && s.due) return `待办理，时限 ${formatMoment(s.due)}`;
  if (s.state === 'overdue' && s.due) return `已超时（时限 ${formatMoment(s.due)}）`;
  return stepStateLabels[s.state];
}

/** The local moment now, for the default of a time field (the person changes it to when it happened). */
export function nowMoment(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
