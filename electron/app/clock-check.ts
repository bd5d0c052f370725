// Clock sanity (issue 11): a PC whose clock is behind the newest record it holds (its own or one received from
// another office) would stamp new records with wrong dates. Conflicts between offices are decided by the hybrid
// logical clock, which never goes backwards whatever the wall clock says, so a wrong clock cannot reorder what is
// stored; but the dates people read would be wrong, so the person is told at start and at each sign-in.
import { hlcDate } from '../store/hlc';
import type { AppContext } from './context';

/** Five minutes: clocks of office PCs drift, and a warning for seconds would only teach people to ignore it. */
const TOLERANCE = 5 * 60_000;

const fmt = (d: Date) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`;
};

export function clockWarning(ctx: AppContext): string | null {
  const store = ctx.store;
  if (!store) return null;
  const newest = hlcDate(store.newestStamp);
  const now = ctx.clock();
  if (newest.getTime() <= now + TOLERANCE) return null;
  return (
    `本机时钟（${fmt(new Date(now))}）早于已保存的最新记录（${fmt(newest)}）：电脑的日期或时间可能不对。` +
    '请核对并调整电脑的日期和时间；在此之前新记录的时间可能出错。'
  );
}

/** A bundle made more than a day after this PC's "now": this PC's clock is behind (or the sender's ahead). */
export function bundleClockWarning(ctx: AppContext, createdAt: string): string | null {
  const made = Date.parse(createdAt);
  const now = ctx.clock();
  if (!(made > now + 86_400_000)) return null;
  return `收到的数据包制作于 ${fmt(new Date(made))}，比本机时钟（${fmt(new Date(now))}）晚一天以上：本机或对方电脑的日期可能不对，请核对。`;
}
