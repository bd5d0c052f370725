// The code lists in force (shipped + the office's additions), and labels for stored codes.
import type { CodeListsView } from '../../../../electron/contract/schemas/ledger';
import { useQuery } from '../../hooks/use-query';

export type CodeListKey = keyof CodeListsView['lists'];

export function useCodeLists() {
  const { data } = useQuery('codelists.get', {}, { entities: ['codeItem'] });
  const label = (list: CodeListKey, code: string) =>
    data?.lists[list].items.find((i) => i.code === code)?.label ?? code;
  const items = (list: CodeListKey) => data?.lists[list].items ?? [];
  return { lists: data, label, items };
}

export const userLabel = (user: string) => (user === 'local-user' ? '本机用户' : user);

export function formatTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
