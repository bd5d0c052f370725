// A timestamp as a Chinese calendar date in the computer's own time zone, e.g. 2026年3月1日.
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}
