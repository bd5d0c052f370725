// The other names a clerk may search a child by: the parents', the entrusted guardian's and the grandparents' (a
// township often knows a family by the grandmother who looks after the child). A dash marks a deceased parent and
// is not a name.
import type { JsonValue } from '../../store/operation';
import { DECEASED_MARK } from '../../contract/schemas/child';
import { childValue } from './child-fields';
import type { ChildFieldPath } from '../../contract/schemas/child';

export const FAMILY_NAME_FIELDS: readonly ChildFieldPath[] = [
  'father.name',
  'mother.name',
  'entrustedGuardian.name',
  'grandparents.paternalGrandfather.name',
  'grandparents.paternalGrandmother.name',
  'grandparents.maternalGrandfather.name',
  'grandparents.maternalGrandmother.name',
];

/** The family's names held on a child's record, in a fixed order, blanks and dashes left out. */
export function familyNamesOf(values: Readonly<Record<string, JsonValue>>): string[] {
  const out: string[] = [];
  for (const path of FAMILY_NAME_FIELDS) {
    const n = childValue(values, path).trim();
    if (n !== '' && n !== DECEASED_MARK) out.push(n);
  }
  return out;
}
