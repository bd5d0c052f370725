// Periods offered with one click. Dates are local calendar dates 'YYYY-MM-DD'.
export interface Period {
  from: string;
  to: string;
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(y, m, 0).getDate();

/** The current month, quarter and year end today: figures "as at" a future day would count ages not yet reached. */
export function presetPeriods(today: Date): Array<{ label: string; period: Period }> {
  const y = today.getFullYear();
  const m = today.getMonth() + 1;
  const q = Math.floor((m - 1) / 3);
  const now = iso(y, m, today.getDate());
  const upToNow = (from: string, to: string) => ({ from, to: to < now ? to : now });
  return [
    { label: '本月', period: upToNow(iso(y, m, 1), iso(y, m, lastDay(y, m))) },
    { label: '本季度', period: upToNow(iso(y, q * 3 + 1, 1), iso(y, q * 3 + 3, lastDay(y, q * 3 + 3))) },
    { label: '本年', period: upToNow(iso(y, 1, 1), iso(y, 12, 31)) },
    { label: '上一年', period: { from: iso(y - 1, 1, 1), to: iso(y - 1, 12, 31) } },
  ];
}
