import { AppError } from '../../../electron/contract/errors';
import { formatMinutesNumber } from '../../../electron/contract/schemas/meetings';
import { issueChanges, nextMinutesSeq } from '../../../electron/domain/meetings/numbering';
import type { MinutesRecord } from '../../../electron/domain/meetings/records';

const minutes = (over: Partial<MinutesRecord>): MinutesRecord => ({
  id: 'x',
  meetingId: 'm',
  version: 1,
  status: 'draft',
  title: '纪要',
  blocks: [{ type: 'paragraph', text: '正文' }],
  sendTo: [],
  year: null,
  seq: null,
  number: null,
  issuedDate: null,
  createdAt: '',
  ...over,
});

describe('minutes numbers', () => {
  it('formats 第N期 and 〔YYYY〕N号 without padding', () => {
    expect(formatMinutesNumber('qi', 2025, 3)).toBe('第3期');
    expect(formatMinutesNumber('hao', 2025, 12)).toBe('〔2025〕12号');
  });

  it('counts per year, ignoring drafts', () => {
    const all = [
      minutes({ id: 'a', status: 'issued', year: 2024, seq: 7 }),
      minutes({ id: 'b', status: 'issued', year: 2025, seq: 1 }),
      minutes({ id: 'c', status: 'superseded', year: 2025, seq: 2 }),
      minutes({ id: 'd', status: 'draft', year: 2025, seq: 9 }),
    ];
    expect(nextMinutesSeq(all, 2025)).toBe(3);
    expect(nextMinutesSeq(all, 2026)).toBe(1);
  });

  it('numbers a first issue from its issue date and the chosen style', () => {
    const draft = minutes({ id: 'n', meetingId: 'new' });
    const all = [
      minutes({ id: 'a', meetingId: 'old', status: 'issued', year: 2025, seq: 4, number: '第4期' }),
      draft,
    ];
    const changes = issueChanges(all, draft, '2025-05-06', 'hao');
    expect(changes).toEqual([
      {
        entity: 'minutes',
        id: 'n',
        set: { status: 'issued', issuedDate: '2025-05-06', year: 2025, seq: 5, number: '〔2025〕5号' },
      },
    ]);
    expect(issueChanges(all, draft, '2026-01-02', 'qi')[0]!.set.number).toBe('第1期');
  });

  it('numbers a correction anew, naming the number it corrects, and supersedes the old version', () => {
    const issued = minutes({
      id: 'v1',
      status: 'issued',
      year: 2025,
      seq: 2,
      number: '第2期',
      issuedDate: '2025-03-01',
    });
    const correction = minutes({ id: 'v2', version: 2 });
    const changes = issueChanges([issued, correction], correction, '2026-02-01', 'hao');
    expect(changes).toEqual([
      { entity: 'minutes', id: 'v1', set: { status: 'superseded', supersededBy: 'v2' } },
      {
        entity: 'minutes',
        id: 'v2',
        set: {
          status: 'issued',
          issuedDate: '2026-02-01',
          year: 2026,
          seq: 1,
          number: '〔2026〕1号',
          correctionOf: 'v1',
          corrects: '2025年第2期', // 第N期 does not say its year: the correction names it
        },
      },
    ]);
  });

  it('takes a number given by hand (continuing a paper series) and refuses one already used that year', () => {
    const all = [
      minutes({
        id: 'a',
        meetingId: 'old',
        status: 'issued',
        year: 2025,
        seq: 4,
        number: '第4期',
        title: '甲纪要',
      }),
      minutes({ id: 'b', meetingId: 'older', status: 'superseded', year: 2025, seq: 2, number: '第2期' }),
      minutes({ id: 'c', meetingId: 'x', status: 'draft', year: 2025, seq: 7 }),
    ];
    const draft = minutes({ id: 'n', meetingId: 'new' });
    expect(issueChanges([...all, draft], draft, '2025-05-06', 'qi', { seq: 7 })[0]!.set.number).toBe('第7期');
    expect(issueChanges([...all, draft], draft, '2025-05-06', 'qi', { seq: 3 })[0]!.set.seq).toBe(3);
    for (const used of [4, 2]) {
      let error: unknown;
      try {
        issueChanges([...all, draft], draft, '2025-05-06', 'qi', { seq: used });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'CONFLICT', fields: { seq: `第${used}期已被使用` } });
      expect((error as Error).message).toMatch(/编号不能重复/);
    }
    // Used in another year only: free.
    expect(issueChanges([...all, draft], draft, '2026-01-06', 'qi', { seq: 4 })[0]!.set.number).toBe('第4期');
    // After a number set by hand the series continues from it.
    const issued7 = minutes({
      id: 'n',
      meetingId: 'new',
      status: 'issued',
      year: 2025,
      seq: 7,
      number: '第7期',
    });
    expect(nextMinutesSeq([...all, issued7], 2025)).toBe(8);
  });

  it('numbers each office’s minutes apart: a county’s store also holds the city’s', () => {
    const all = [
      minutes({
        id: 'c1',
        meetingId: 'cm',
        status: 'issued',
        year: 2026,
        seq: 3,
        number: '第3期',
        office: '445200',
      }),
      minutes({
        id: 'k1',
        meetingId: 'km',
        status: 'issued',
        year: 2026,
        seq: 1,
        number: '第1期',
        office: '445202',
      }),
    ];
    const draft = minutes({ id: 'n', meetingId: 'new', office: '445202' });
    expect(issueChanges([...all, draft], draft, '2026-05-06', 'qi')[0]!.set.number).toBe('第2期');
    // The city's 第3期 does not hold the county's 3.
    expect(issueChanges([...all, draft], draft, '2026-05-06', 'qi', { seq: 3 })[0]!.set.number).toBe('第3期');
    expect(() => issueChanges([...all, draft], draft, '2026-05-06', 'qi', { seq: 1 })).toThrow(/已被使用/);
  });

  it('refuses to issue twice or to issue an empty text', () => {
    const issued = minutes({ status: 'issued', year: 2025, seq: 1, number: '第1期' });
    expect(() => issueChanges([issued], issued, '2025-03-01', 'qi')).toThrow(AppError);
    expect(() => issueChanges([issued], issued, '2025-03-01', 'qi')).toThrow(/已经印发/);
    expect(() => issueChanges([], minutes({ blocks: [] }), '2025-03-01', 'qi')).toThrow(/正文为空/);
  });
});
