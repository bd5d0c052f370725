// Demonstration children for Jieyang's townships, with visits, assistance, assessments, a few exits and the alert
// cases a clerk meets (无人监护, turning 16, overdue visits, a missing phone). Deterministic for a seed. The same
// generator makes the benchmark's 50,000 records, all valid under THE child schema.
import type { AppContext } from '../app/context';
import { requireStore } from '../app/context';
import { createChildSchema, validateChildRecord, type ChildRecordInput } from '../contract/schemas/child';
import { CHILD_ENTITY, flattenChild } from '../domain/ledger/child-fields';
import { addDays, isoDateOf } from '../domain/ledger/dates';
import { makeIdNumber } from '../domain/ledger/id-number';
import { shippedCodeLists } from '../domain/ledger/shipped-codelists';
import { dispatch } from '../dispatch/dispatch';
import type { Change } from '../store/store';
import { birthAndId, chineseName, COUNTIES, mobile, pick, seededRandom, villageName } from './synthetic';

const WORK = [
  ['440000', '深圳市'],
  ['440000', '广州市'],
  ['440000', '东莞市'],
  ['440000', '佛山市'],
  ['330000', '杭州市'],
  ['310000', '上海市'],
  ['350000', '厦门市'],
  ['320000', '苏州市'],
] as const;
const GIVEN = '国建伟志明俊文华海丽秀玉美芳燕红'.split('');

function schooling(age: number, r: () => number): string {
  if (age < 3) return 'not-enrolled';
  if (age < 6) return 'kindergarten';
  if (age < 12) return 'primary';
  if (age < 15) return r() < 0.05 ? 'dropout' : 'junior';
  return pick(r, ['senior', 'vocational', 'junior', 'dropout']);
}

const GRADES: Record<string, string[]> = {
  primary: ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'],
  junior: ['初一', '初二', '初三'],
  senior: ['高一'],
  vocational: ['中职一年级'],
};

/** `count` valid child records for a ledger whose "today" is `today` ('YYYY-MM-DD'). */
export function generateChildRecords(count: number, seed: number, today: string): ChildRecordInput[] {
  const r = seededRandom(seed);
  const year = Number(today.slice(0, 4));
  const out: ChildRecordInput[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i += 1) {
    const county = pick(r, COUNTIES);
    const township = pick(r, county.townships);
    // A few villages per township, so the village filter has something to choose from.
    const village = villageName(seededRandom(seed + township.length * 977 + Math.floor(r() * 6) + 1));
    let b = birthAndId(r, county.code, year - 15, year - 1);
    while (used.has(b.idNumber) || b.birthDate > today) b = birthAndId(r, county.code, year - 15, year - 1);
    used.add(b.idNumber);
    const age = year - Number(b.birthDate.slice(0, 4));
    const name = chineseName(r);
    const surname = name[0]!;
    const school = schooling(age, r);
    const roll = r();
    const kind = roll < 0.04 ? 'none' : roll < 0.16 ? 'one-parent' : roll < 0.26 ? 'relatives' : 'grandparents';
    const entrusted = kind === 'grandparents' || kind === 'relatives';
    const [fp, fc] = pick(r, WORK);
    const [mp, mc] = pick(r, WORK);
    const noPhones = kind !== 'grandparents' && kind !== 'relatives' && r() < 0.3;
    const address = `揭阳市${county.name}${township}${village}`;
    const gname = kind === 'grandparents' ? `${surname}${pick(r, GIVEN)}${pick(r, GIVEN)}` : chineseName(r);
    const assessment = kind === 'none' ? 'poor' : pick(r, ['good', 'good', 'fair', 'fair', 'poor']);
    out.push({
      child: {
        name,
        sex: b.sex === '男' ? '1' : '2',
        ethnicity: r() < 0.98 ? '01' : '22',
        birthDate: b.birthDate,
        idNumber: b.idNumber,
        hukouRegistered: true,
        householdType: 'rural',
        hukouAddress: address,
        currentAddress: address,
        health: 'healthy',
        boarding: school === 'junior' && r() < 0.4,
        schooling: school,
        school: GRADES[school] ? `${township.replace(/(街道|镇|乡)$/, '')}${school === 'primary' ? '中心小学' : '中学'}` : '',
        grade: GRADES[school] ? pick(r, GRADES[school]!) : '',
      },
      father: {
        name: `${surname}${pick(r, GIVEN)}${pick(r, GIVEN)}`,
        deceased: false,
        birthDate: '',
        idNumber: '',
        workProvince: fp,
        workCity: fc,
        phone: noPhones ? '' : mobile(r),
      },
      mother: {
        name: chineseName(r),
        deceased: false,
        birthDate: '',
        idNumber: '',
        workProvince: kind === 'one-parent' ? '' : mp,
        workCity: kind === 'one-parent' ? '' : mc,
        phone: noPhones || kind === 'one-parent' ? '' : mobile(r),
      },
      grandparents: {
        paternalGrandfather: { name: kind === 'grandparents' ? gname : '', birthDate: '' },
        paternalGrandmother: { name: '', birthDate: '' },
        maternalGrandfather: { name: '', birthDate: '' },
        maternalGrandmother: { name: '', birthDate: '' },
      },
      guardianship: {
        bothParentsAway: kind !== 'one-parent',
        oneAwayOtherIncapable: kind === 'one-parent',
        incapableParent: kind === 'one-parent' ? 'mother' : '',
        incapacityReason: kind === 'one-parent' ? pick(r, ['重病', '重度残疾', '服刑']) : '',
        hasEntrustedGuardian: entrusted,
        guardianKind: kind,
        guardianshipType: kind === 'none' ? 'none' : kind === 'one-parent' ? 'parent-incapable' : pick(r, ['good', 'fair', 'fair']),
        assessment,
        entrustmentSigned: entrusted && r() < 0.8,
        entrustmentDate: '',
      },
      entrustedGuardian: entrusted
        ? {
            name: gname,
            phone: mobile(r),
            idNumber: '',
            relationship: kind === 'grandparents' ? 'grandfather' : pick(r, ['paternal-uncle', 'maternal-aunt', 'other-relative']),
            address,
          }
        : { name: '', phone: '', idNumber: '', relationship: '', address: '' },
      income: {
        sources: r() < 0.8 ? ['wages'] : ['wages', 'farming'],
        assistance: r() < 0.15 ? ['dibao'] : [],
        povertyStatus: pick(r, ['none', 'none', 'none', 'lifted', 'monitored']),
      },
      responsibility: {
        township,
        village,
        supervisorName: `${township.slice(0, 2)}督导员`,
        supervisorPhone: '0663-8' + String(100000 + Math.floor(r() * 899999)),
        directorName: chineseName(r),
        directorPhone: mobile(r),
      },
      riskLevel: kind === 'none' ? 'red' : assessment === 'poor' ? 'orange' : pick(r, ['yellow', 'blue', 'blue']),
      status: { state: 'active' },
    });
    const last = out[out.length - 1]!;
    if (last.guardianship.entrustmentSigned) last.guardianship.entrustmentDate = addDays(today, -Math.floor(r() * 700) - 30);
  }
  return out;
}

/** Validated records as store changes (batches of `batch` children). */
export function childChanges(records: ChildRecordInput[], today: string, ids: (i: number) => string): Change[] {
  const schema = createChildSchema({ today: () => today, codeLists: shippedCodeLists });
  return records.map((input, i) => {
    const r = validateChildRecord(input, schema);
    if (!r.ok) throw new Error(`demo child ${i} invalid: ${Object.keys(r.error.fields ?? {}).join(',')}`);
    return { entity: CHILD_ENTITY, id: ids(i), set: flattenChild(r.value) };
  });
}

async function must(ctx: AppContext, name: string, args: unknown): Promise<void> {
  const r = await dispatch(ctx, name, args);
  if (!r.ok) throw new Error(`demo ${name}: ${r.error.message}`);
}

export async function seedLedgerDemo(ctx: AppContext, count = 300, seed = 20170320): Promise<string[]> {
  const store = requireStore(ctx);
  const today = isoDateOf(new Date(ctx.clock()));
  const r = seededRandom(seed + 1);
  const records = generateChildRecords(count, seed, today);
  // Two who are about to leave the ledger by age, so the alerts show it.
  const fix = (i: number, birthDate: string) => {
    const rec = records[i];
    if (!rec) return;
    const date = birthDate.replace('-02-29', '-02-28');
    rec.child.birthDate = date;
    rec.child.idNumber = makeIdNumber('445224', date, 900 + i);
    rec.child.sex = i % 2 === 1 ? '1' : '2';
  };
  const y = Number(today.slice(0, 4));
  fix(1, `${y - 16}${addDays(today, 12).slice(4)}`);
  fix(2, `${y - 16}${addDays(today, -20).slice(4)}`);
  const ids = records.map((_, i) => `demo-child-${String(i + 1).padStart(5, '0')}`);
  const changes = childChanges(records, today, (i) => ids[i]!);
  for (let i = 0; i < changes.length; i += 100) store.commit(changes.slice(i, i + 100), ctx.user);

  const visitors = ['林主任', '陈督导', '黄主任', '郑督导'];
  for (let i = 0; i < ids.length; i += 1) {
    const id = ids[i]!;
    // Most children visited within the month; some long ago (overdue); a few never.
    const roll = r();
    if (roll < 0.08) continue;
    const lastAgo = roll < 0.2 ? 35 + Math.floor(r() * 60) : Math.floor(r() * 28);
    const last = addDays(today, -lastAgo);
    await must(ctx, 'visits.add', {
      childId: id,
      date: addDays(last, -30 - Math.floor(r() * 10)),
      visitor: pick(r, visitors),
      findings: ['normal'],
      note: '儿童生活、学习情况正常。',
    });
    await must(ctx, 'visits.add', {
      childId: id,
      date: last,
      visitor: pick(r, visitors),
      findings: r() < 0.85 ? ['normal'] : [pick(r, ['dropout-risk', 'mental', 'economic-difficulty', 'safety-hazard'])],
      note: r() < 0.85 ? '监护人照料尽责，儿童情况良好。' : '发现问题，已告知监护人并报乡镇（街道）。',
      nextDue: addDays(last, 30),
    });
    if (r() < 0.25) {
      await must(ctx, 'assistance.add', {
        childId: id,
        type: pick(r, ['study-help', 'parent-contact', 'material', 'psychological', 'social-assistance']),
        provider: pick(r, ['镇中心小学', '团县委', '县妇联', '镇民政办', '社工服务站']),
        date: addDays(last, -Math.floor(r() * 20)),
        note: '',
      });
    }
    if (r() < 0.15) {
      const risk = pick(r, ['yellow', 'orange', 'blue']);
      await must(ctx, 'assessments.add', {
        childId: id,
        date: addDays(last, -1),
        assessor: pick(r, visitors),
        guardianship: risk === 'orange' ? 'poor' : 'fair',
        safety: risk === 'orange' ? '独自在家时间较长，存在安全隐患' : '居住环境安全',
        riskLevel: risk,
        note: '',
      });
    }
  }
  for (const [i, reason] of [[10, 'parents-returned'], [20, 'living-with-parents'], [30, 'capacity-restored']] as const) {
    if (ids[i]) await must(ctx, 'children.exit', { id: ids[i], reason, date: addDays(today, -i), note: '' });
  }
  return ids;
}

export const ledgerDemoPart = { name: '留守儿童台账', seed: (ctx: AppContext) => seedLedgerDemo(ctx).then(() => undefined) };
