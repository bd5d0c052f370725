// 待完善 and the two schemas agree: a record the full schema accepts lacks nothing; one the incomplete schema accepts
// and that lacks nothing is accepted by the full schema; what is missing is exactly what the full schema asks for.
import { createChildSchema, createIncompleteChildSchema, toFieldErrors, type ChildRecordInput } from '../../../electron/contract/schemas/child';
import { flattenChild } from '../../../electron/domain/ledger/child-fields';
import { flatGetter, identifiesChild, missingFields, nestedGetter } from '../../../electron/domain/ledger/completeness';
import { shippedCodeLists } from '../../../electron/domain/ledger/shipped-codelists';
import { FIXTURE_TODAY, validChild } from './child-fixture';

const options = { today: () => FIXTURE_TODAY, codeLists: shippedCodeLists };
const full = createChildSchema(options);
const loose = createIncompleteChildSchema(options);

/** The fixture with some fields emptied (a 是/否 left out entirely, as an import leaves it). */
function without(...paths: string[]): ChildRecordInput {
  const r = JSON.parse(JSON.stringify(validChild())) as Record<string, Record<string, unknown>>;
  for (const p of paths) {
    const [section, field] = p.split('.') as [string, string];
    if (typeof r[section]![field] === 'boolean') delete r[section]![field];
    else r[section]![field] = Array.isArray(r[section]![field]) ? [] : '';
  }
  return r as unknown as ChildRecordInput;
}

describe('missingFields and the incomplete schema', () => {
  it('a complete record lacks nothing and passes both schemas', () => {
    const rec = full.parse(validChild());
    expect(missingFields(flatGetter(flattenChild(rec)))).toEqual([]);
    expect(loose.safeParse(validChild()).success).toBe(true);
  });

  it.each([
    [['child.ethnicity']],
    [['child.hukouRegistered', 'child.idNumber']],
    [['guardianship.bothParentsAway', 'guardianship.assessment', 'responsibility.village']],
    [['entrustedGuardian.relationship']],
    [['father.name', 'child.currentAddress', 'child.health']],
  ])('without %j: the full schema refuses for the missing fields, the incomplete one keeps the record and lists them', (paths) => {
    const input = without(...paths);
    const f = full.safeParse(input);
    expect(f.success).toBe(false);
    const r = loose.parse(input);
    const missing = missingFields(nestedGetter(r));
    // Every field the full schema asks for is listed missing (an unanswered 是/否 stops zod before the record-level
    // checks, so the full schema may name fewer at once).
    expect(missing).toEqual(expect.arrayContaining(Object.keys(toFieldErrors(f.error!))));
    // hukouRegistered unknown: the ID number is still expected (it may be registered).
    expect(missing.sort()).toEqual([...paths].filter((p) => p !== 'child.idNumber' || paths.includes('child.hukouRegistered')).sort());
    for (const p of paths.filter((x) => x.startsWith('guardianship.b') || x === 'child.hukouRegistered')) {
      expect(nestedGetter(r)(p as 'child.hukouRegistered')).toBeUndefined();
    }
  });

  it('a record that lacks nothing under the incomplete schema passes the full one', () => {
    const r = loose.parse(validChild());
    expect(missingFields(nestedGetter(r))).toEqual([]);
    expect(full.safeParse(validChild()).success).toBe(true);
  });

  it('keeps an empty section as empty, and refuses what is filled wrongly or contradicts itself', () => {
    const r = loose.parse({ child: { name: '王小二', birthDate: '2015-01-01' }, responsibility: { township: '仙桥街道' } });
    expect(r.guardianship.bothParentsAway).toBeUndefined();
    expect(r.child.ethnicity).toBe('');
    expect(missingFields(nestedGetter(r))).toContain('guardianship.guardianKind');
    expect(identifiesChild(nestedGetter(r))).toBe(true);
    expect(identifiesChild(nestedGetter(loose.parse({ child: { name: '王小二' } })))).toBe(false);

    const bad = loose.safeParse({ child: { name: '王小二', birthDate: '2015-13-01', ethnicity: '汉' } });
    expect(Object.keys(toFieldErrors(bad.error!)).sort()).toEqual(['child.birthDate', 'child.ethnicity']);
    const contra = loose.safeParse({ child: { idNumber: '445202201508081237', birthDate: '2015-08-09' } });
    expect(toFieldErrors(contra.error!)['child.birthDate']).toContain('不一致');
  });

  it('conditional needs follow the answers: a deceased parent needs no name, 无 entrusted guardian needs no phone', () => {
    const values = { ...flattenChild(full.parse(validChild())), 'father.deceased': true, 'father.name': '—', 'guardianship.hasEntrustedGuardian': false, 'entrustedGuardian.phone': '' };
    expect(missingFields(flatGetter(values))).toEqual([]);
    expect(missingFields(flatGetter({ ...values, 'child.health': 'ill', 'child.illnessType': '' }))).toEqual(['child.illnessType']);
  });
});
