import ledgerJson from '../../../assets/codelists/ledger.json';
import {
  DECEASED_MARK,
  childFieldLabels,
  createChildSchema,
  ledgerExtraColumns,
  nationalFormColumns,
  validateChildRecord,
  type ChildRecord,
  type ChildRecordInput,
} from '../../../electron/contract/schemas/child';
import { loadCodeLists } from '../../../electron/domain/ledger/codelists';
import { EXCEL_DAMAGE_REASON } from '../../../electron/domain/ledger/id-number';
import { FIXTURE_TODAY, validChild } from './child-fixture';

const codeLists = loadCodeLists(ledgerJson);
const schema = createChildSchema({ today: () => FIXTURE_TODAY, codeLists });

function parse(input: unknown): ChildRecord {
  const r = validateChildRecord(input, schema);
  if (!r.ok) throw new Error(`expected a valid record: ${JSON.stringify(r.error.fields)}`);
  return r.value;
}
function fieldErrors(input: unknown): Record<string, string> {
  const r = validateChildRecord(input, schema);
  if (r.ok) throw new Error('expected errors');
  expect(r.error.code).toBe('VALIDATION');
  return r.error.fields ?? {};
}
function edit(change: (r: ChildRecordInput) => void): ChildRecordInput {
  const r = validChild();
  change(r);
  return r;
}

describe('a valid record', () => {
  it('passes and fills the optional parts', () => {
    const r = parse(validChild());
    expect(r.child.name).toBe('张小明');
    expect(r.child.disabilityCategory).toBe('');
    expect(r.income.sourcesOther).toBe('');
    expect(r.status).toEqual({ state: 'active', reason: '', date: '', transferTo: '', note: '' });
    expect(r.remarks).toBe('');
  });

  it('has a precise output type', () => {
    const r = parse(validChild());
    const sources: string[] = r.income.sources;
    // @ts-expect-error a yes/no answer is a boolean, not text (fails to compile if the type degrades to any)
    const wrong: string = r.child.boarding;
    expect([sources, wrong]).toEqual([['wages', 'farming'], false]);
  });

  it('leaves out whole optional sections', () => {
    const input = validChild();
    delete input.grandparents;
    delete input.entrustedGuardian;
    delete input.income;
    delete input.status;
    input.guardianship.hasEntrustedGuardian = false;
    input.guardianship.entrustmentSigned = false;
    input.guardianship.entrustmentDate = '';
    const r = parse(input);
    expect(r.grandparents.maternalGrandmother).toEqual({ name: '', birthDate: '' });
    expect(r.status.state).toBe('active');
  });

  it('normalises ID numbers, phones, dates and stray spaces', () => {
    const r = parse(
      edit((c) => {
        c.child.name = ' 张小明 ';
        c.child.idNumber = '４４５２０２ 2015 0808 1237';
        c.child.birthDate = '2015年8月8日';
        c.father.phone = '138 1234 5678';
        c.entrustedGuardian!.phone = '（0663）8123456';
        c.guardianship.entrustmentDate = 45352; // Excel serial for 2024-03-01
      }),
    );
    expect(r.child.name).toBe('张小明');
    expect(r.child.idNumber).toBe('445202201508081237');
    expect(r.child.birthDate).toBe('2015-08-08');
    expect(r.father.phone).toBe('13812345678');
    expect(r.entrustedGuardian.phone).toBe('0663-8123456');
    expect(r.guardianship.entrustmentDate).toBe('2024-03-01');
  });

  it('keeps the deceased mark of grandparents', () => {
    expect(parse(validChild()).grandparents.maternalGrandfather).toEqual({ name: DECEASED_MARK, birthDate: DECEASED_MARK });
  });
});

describe('field errors', () => {
  it('asks for required fields by name', () => {
    const f = fieldErrors(
      edit((c) => {
        c.child.name = '  ';
        c.child.sex = '';
        c.responsibility.township = '';
      }),
    );
    expect(f['child.name']).toBe('请填写姓名');
    expect(f['child.sex']).toBe('请选择性别');
    expect(f['responsibility.township']).toBe('请填写乡镇（街道）');
  });

  it('refuses a code that is not in the list, and accepts an office addition', () => {
    const input = edit((c) => (c.child.schooling = 'x-home'));
    expect(fieldErrors(input)['child.schooling']).toBe('就学情况的选项无效，请重新选择');
    const extended = loadCodeLists(ledgerJson, { schooling: [{ code: 'x-home', label: '送教上门' }] });
    const officeSchema = createChildSchema({ today: () => FIXTURE_TODAY, codeLists: extended });
    expect(officeSchema.safeParse(input).success).toBe(true);
  });

  it('refuses unknown codes among multiple choices', () => {
    expect(fieldErrors(edit((c) => (c.income!.sources = ['wages', 'lottery'])))['income.sources']).toMatch(/无效的选项/);
  });

  it('reports an invalid ID number with the domain reason', () => {
    const f = fieldErrors(edit((c) => (c.child.idNumber = '445202201508081238')));
    expect(f['child.idNumber']).toBe('身份证号码校验位不符，号码中有数字填错，请核对');
  });

  it('refuses an ID number damaged by Excel, as a number or as digits', () => {
    expect(fieldErrors(edit((c) => (c.child.idNumber = Number('445202201508081237'))))['child.idNumber']).toBe(EXCEL_DAMAGE_REASON);
    expect(fieldErrors(edit((c) => (c.father.idNumber = '4.45202E+17')))['father.idNumber']).toBe(EXCEL_DAMAGE_REASON);
  });

  it('refuses bad phones and dates, and dates after today', () => {
    const f = fieldErrors(
      edit((c) => {
        c.father.phone = '1381234567';
        c.mother.birthDate = '1987-02-30';
        c.guardianship.entrustmentDate = '2025-06-02';
      }),
    );
    expect(f['father.phone']).toBe('手机号码应为11位，现为10位');
    expect(f['mother.birthDate']).toBe('日期不存在：2月没有30日');
    expect(f['guardianship.entrustmentDate']).toBe('确认书签订日期不能晚于今天');
  });

  it('gives Chinese messages even for input of the wrong shape', () => {
    for (const input of [{}, { child: 5 }, null, 'x', { ...validChild(), child: { ...validChild().child, boarding: 'yes' } }]) {
      const r = validateChildRecord(input, schema);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.message).toMatch(/^儿童信息有\d+处需要修改$/);
        for (const message of Object.values(r.error.fields ?? {})) expect(message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('never repeats an entered ID number or phone in a message', () => {
    const r = validateChildRecord(
      edit((c) => {
        c.child.idNumber = '445202201508081238';
        c.father.phone = '1381234567';
      }),
      schema,
    );
    expect(JSON.stringify(r)).not.toMatch(/445202201508081238|1381234567/);
  });
});

describe('cross-field checks', () => {
  it('flags a birth date that disagrees with the ID number, on 出生日期', () => {
    const f = fieldErrors(edit((c) => (c.child.birthDate = '2015-08-09')));
    expect(f).toEqual({ 'child.birthDate': '出生日期与身份证号码中的出生日期不一致，请核对' });
  });

  it('flags a sex that disagrees with the ID number, on 性别', () => {
    const f = fieldErrors(edit((c) => (c.child.sex = '2')));
    expect(Object.keys(f)).toEqual(['child.sex']);
    expect(f['child.sex']).toMatch(/^性别与身份证号码不一致/);
  });

  it('flags a parent’s birth date that disagrees with the parent’s ID number', () => {
    expect(fieldErrors(edit((c) => (c.father.birthDate = '1985-03-03')))).toEqual({
      'father.birthDate': '父亲出生日期与父亲身份证号码不一致，请核对',
    });
  });

  it('lists field and cross-field problems together', () => {
    const f = fieldErrors(
      edit((c) => {
        c.child.birthDate = '2015-08-09';
        c.father.phone = 'abc';
      }),
    );
    expect(Object.keys(f).sort()).toEqual(['child.birthDate', 'father.phone']);
  });

  it('needs the ID number of a child whose household is registered', () => {
    expect(fieldErrors(edit((c) => (c.child.idNumber = '')))['child.idNumber']).toBe('已登记户口的儿童请填写身份证号码');
    const unregistered = edit((c) => {
      c.child.idNumber = '';
      c.child.hukouRegistered = false;
    });
    expect(parse(unregistered).child.idNumber).toBe('');
  });

  it('lets a deceased parent’s fields be “—”, and only then', () => {
    const deceased = edit((c) => {
      c.mother = { name: '—', deceased: true, birthDate: '—', idNumber: '—', workProvince: '—', workCity: '—', phone: '—' };
      c.guardianship.bothParentsAway = false;
      c.guardianship.oneAwayOtherIncapable = true;
      c.guardianship.incapableParent = 'mother';
    });
    const r = parse(deceased);
    expect(r.mother.phone).toBe(DECEASED_MARK);
    expect(r.mother.idNumber).toBe(DECEASED_MARK);

    const alive = edit((c) => {
      c.mother = { name: '－', deceased: false, birthDate: '—', idNumber: '', workProvince: '', workCity: '', phone: '——' };
    });
    const f = fieldErrors(alive);
    expect(f['mother.name']).toBe('「—」只用于已去世的母亲；母亲健在时请填写实际情况或留空');
    expect(f['mother.birthDate']).toMatch(/只用于已去世的母亲/);
    expect(f['mother.phone']).toMatch(/只用于已去世的母亲/);
  });

  it('needs a living parent’s name', () => {
    expect(fieldErrors(edit((c) => (c.father.name = '')))['father.name']).toMatch(/^请填写父亲姓名/);
  });

  it('refuses “both parents away” when a parent has died', () => {
    const f = fieldErrors(edit((c) => (c.father = { ...c.father, deceased: true })));
    expect(f['guardianship.bothParentsAway']).toBe('父亲已去世，不能选择父母双方外出');
  });

  it('keeps the two guardianship situations exclusive and asks which parent is incapable', () => {
    const f = fieldErrors(edit((c) => (c.guardianship.oneAwayOtherIncapable = true)));
    expect(f['guardianship.oneAwayOtherIncapable']).toMatch(/只能有一项选「是」/);
    expect(f['guardianship.incapableParent']).toBe('请选择无监护能力的是父亲还是母亲');
  });

  it('needs the entrusted guardian’s details and the confirmation date', () => {
    const f = fieldErrors(
      edit((c) => {
        c.entrustedGuardian = { name: '', phone: '', relationship: '' };
        c.guardianship.entrustmentDate = '';
      }),
    );
    expect(Object.keys(f).sort()).toEqual([
      'entrustedGuardian.name',
      'entrustedGuardian.phone',
      'entrustedGuardian.relationship',
      'guardianship.entrustmentDate',
    ]);
    const noGuardian = fieldErrors(edit((c) => (c.guardianship.hasEntrustedGuardian = false)));
    expect(noGuardian['guardianship.entrustmentSigned']).toBe('没有委托监护人，不能签订委托监护责任确认书');
  });

  it('needs the disability or illness details that the health status calls for', () => {
    expect(Object.keys(fieldErrors(edit((c) => (c.child.health = 'disabled'))))).toEqual([
      'child.disabilityCategory',
      'child.disabilityGrade',
    ]);
    expect(fieldErrors(edit((c) => (c.child.health = 'ill')))).toEqual({ 'child.illnessType': '身体情况为患病时，请填写患病类型' });
  });

  it('needs the reason and date of an exit, and a note for “other”', () => {
    expect(Object.keys(fieldErrors(edit((c) => (c.status = { state: 'exited' })))).sort()).toEqual(['status.date', 'status.reason']);
    expect(fieldErrors(edit((c) => (c.status = { state: 'exited', reason: 'other', date: '2025-05-01' })))).toEqual({
      'status.note': '退出原因为「其他」时，请填写情况说明',
    });
    expect(parse(edit((c) => (c.status = { state: 'exited', reason: 'age-16', date: '2025-05-01' }))).status.reason).toBe('age-16');
    expect(Object.keys(fieldErrors(edit((c) => (c.status = { state: 'transferred' })))).sort()).toEqual([
      'status.date',
      'status.transferTo',
    ]);
  });

  it('refuses a work province that is not a province code', () => {
    expect(fieldErrors(edit((c) => (c.father.workProvince = '广东')))['father.workProvince']).toMatch(/省份无效/);
  });
});

describe('labels and national form columns', () => {
  function leafPaths(value: unknown, prefix = ''): string[] {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
    }
    return [prefix];
  }

  it('label every field of a record, and nothing else', () => {
    expect(leafPaths(parse(validChild())).sort()).toEqual(Object.keys(childFieldLabels).sort());
  });

  it('follow the 2016 registration form and reference only labelled fields', () => {
    expect(nationalFormColumns.map((c) => c.header).slice(0, 5)).toEqual(['姓名', '性别', '民族', '出生日期', '公民身份证号码']);
    const groups = [...new Set(nationalFormColumns.map((c) => c.group))];
    expect(groups).toEqual(['留守儿童个人基本情况', '家庭情况', '实际监护情况', '家庭经济来源', '救助帮扶情况']);
    for (const column of [...nationalFormColumns, ...ledgerExtraColumns]) {
      for (const field of column.fields) expect(childFieldLabels).toHaveProperty([field]);
    }
    const headers = [...nationalFormColumns, ...ledgerExtraColumns].map((c) => `${c.group}/${c.header}`);
    expect(new Set(headers).size).toBe(headers.length);
  });
});
