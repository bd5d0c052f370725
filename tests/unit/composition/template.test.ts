// The shipped template against the notice it comes from (揭府办〔2017〕24号), read independently by notice-text.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../electron/contract/errors';
import {
  loadNoticeTemplate,
  normalisePersonName,
  parseNoticeTemplate,
  type NoticeTemplate,
  type Unit,
} from '../../../electron/domain/composition/template';
import { NOTICE_PATH, readNotice } from './notice-text';

const notice = readNotice();
const template = loadNoticeTemplate();
const unit = (id: string): Unit => {
  const u = template.units.find((x) => x.id === id);
  if (!u) throw new Error(`no unit ${id}`);
  return u;
};
const postsOf = (id: string) => template.posts.filter((p) => p.unit === id);
const clone = (): NoticeTemplate => JSON.parse(JSON.stringify(template)) as NoticeTemplate;

describe('the notice text shipped in assets', () => {
  it('is the seed notice, byte for byte, when the shared seed is at hand', () => {
    const seed = path.resolve(__dirname, '../../../../shared/seed/jieyang-2017-24-notice.txt');
    if (!fs.existsSync(seed)) return; // a developer machine may not have ../shared; the copy in assets is the source
    expect(fs.readFileSync(NOTICE_PATH)).toEqual(fs.readFileSync(seed));
  });

  it('sits beside the template, as the template says', () => {
    expect(path.basename(NOTICE_PATH)).toBe(template.source.textFile);
  });
});

describe('source', () => {
  it('names the notice as printed', () => {
    // The title line carries line-wrap spaces from the PDF; the title is stored without them.
    expect(notice.titleLine).toContain(' ');
    expect(template.source.title).toBe(notice.titleLine.replace(/\s+/g, ''));
    expect(template.source.docNumber).toBe('揭府办〔2017〕24号');
    expect(notice.docNumber).toBe(template.source.docNumber);
    expect(template.source.issuer).toBe('揭阳市人民政府办公室');
    expect(notice.signature.issuer).toBe(template.source.issuer);
    expect(template.source.date).toBe('2017-03-20');
    expect(notice.signature.date).toBe('2017年3月20日');
    expect(notice.raw).toContain(template.source.addressees);
    expect(notice.raw).toContain(template.source.preamble);
  });

  it('is the city body', () => {
    expect(template.body).toEqual({ name: '揭阳市农村留守儿童关爱保护工作联席会议', level: 'city' });
    expect(template.source.preamble).toContain(template.body.name);
    expect(template.derivedFrom).toBeUndefined();
  });
});

describe('posts (section 一)', () => {
  it('lists every person of the notice, in order, with the title exactly as printed', () => {
    expect(notice.people).toHaveLength(29);
    expect(template.posts.map((p) => ({ role: p.role, name: p.name, title: p.title }))).toEqual(
      notice.people,
    );
    expect(template.posts.map((p) => p.order)).toEqual(notice.people.map((_, i) => i + 1));
  });

  it('has one convener, two deputy conveners and 26 member lines', () => {
    const count = (role: string) => template.posts.filter((p) => p.role === role).length;
    expect([count('convener'), count('deputyConvener'), count('member')]).toEqual([1, 2, 26]);
    expect(template.posts[0]).toMatchObject({
      role: 'convener',
      name: '马儒生',
      title: '副市长、市公安局局长',
    });
    expect(template.posts.slice(1, 3).map((p) => [p.role, p.name, p.title])).toEqual([
      ['deputyConvener', '陈家斌', '市政府副秘书长'],
      ['deputyConvener', '魏洁林', '市民政局局长'],
    ]);
  });

  it('keeps a padded name as printed for display and compares it without the padding', () => {
    const lin = template.posts.find((p) => p.title === '市法制局副局长')!;
    // The notice pads 林华 to three characters' width; here with an ASCII space (a full-width one in print).
    expect(lin.name).toBe('林 华');
    expect(notice.raw).toContain(`${lin.name}（${lin.title}）`);
    expect(lin.normalisedName).toBe('林华');
    expect(normalisePersonName('林　华')).toBe('林华'); // U+3000 ideographic space
    expect(normalisePersonName(' 林 \u00a0华 ')).toBe('林华');
    for (const p of template.posts) expect(p.normalisedName).toBe(p.name.replace(/[\s\u3000]/g, ''));
    expect(template.posts.filter((p) => p.name !== p.normalisedName)).toEqual([lin]);
  });

  it('ties every post but the deputy secretary-general to the member unit named in its title', () => {
    for (const p of template.posts) {
      if (p.title === '市政府副秘书长') {
        expect(p.unit).toBeNull();
        continue;
      }
      expect(p.unit).not.toBeNull();
      expect(p.title).toContain(unit(p.unit!).name);
    }
  });
});

describe('member units', () => {
  it('are the 26 member lines, one unit each, in member order', () => {
    const members = template.posts.filter((p) => p.role === 'member');
    expect(template.units).toHaveLength(26);
    expect(members.map((p) => p.unit)).toEqual(template.units.map((u) => u.id));
    expect(template.units.map((u) => u.order)).toEqual(template.units.map((_, i) => i + 1));
    for (const [i, u] of template.units.entries()) expect(members[i]!.title.startsWith(u.name)).toBe(true);
  });

  it('have distinct ids, names and duty names', () => {
    const distinct = (xs: (string | null)[]) => new Set(xs).size === xs.length;
    expect(distinct(template.units.map((u) => u.id))).toBe(true);
    expect(distinct(template.units.map((u) => u.name))).toBe(true);
    expect(distinct(template.units.filter((u) => u.dutyName !== null).map((u) => u.dutyName))).toBe(true);
  });
});

describe('duties (section 四)', () => {
  const withDuty = template.units.filter((u) => u.duty !== null);

  it('has 25 paragraphs in the notice and in the template', () => {
    expect(notice.duties).toHaveLength(25);
    expect(withDuty).toHaveLength(25);
    for (const d of notice.duties) expect(d.body.endsWith('。')).toBe(true);
  });

  it('maps every paragraph of the notice to its unit, verbatim and in the notice order', () => {
    const byOrder = [...withDuty].sort((a, b) => a.duty!.order - b.duty!.order);
    expect(byOrder.map((u) => [u.dutyName, u.duty!.paragraph])).toEqual(
      notice.duties.map((d) => [d.head, d.body]),
    );
    expect(byOrder.map((u) => u.duty!.order)).toEqual(notice.duties.map((_, i) => i + 1));
  });

  it('joins the paragraphs broken by page breaks', () => {
    expect(unit('fayuan').duty!.paragraph).toContain('依法办理涉及农村留守儿童权益保护的案件');
    expect(unit('jiaoyu').duty!.paragraph).toContain('在输入地参加中考、高考政策。');
    expect(unit('minzheng').duty!.paragraph).toContain('未成年人提供关爱服务，');
    expect(unit('nongye').duty!.paragraph).toContain('各类实用技术培训、咨询');
    expect(unit('zonggonghui').duty!.paragraph).toContain('女性农民工的困难帮扶');
    for (const u of withDuty) expect(u.duty!.paragraph).not.toMatch(/\s/);
  });

  it('splits each paragraph into items that give the paragraph back', () => {
    for (const u of withDuty) {
      const { paragraph, items } = u.duty!;
      expect(items.map((it) => it.text).join('')).toBe(paragraph);
      items.forEach((it, i) => {
        expect(it.id).toBe(`${u.id}.${i + 1}`);
        expect(paragraph).toContain(it.text);
        // one sentence each: ends in 。 or ；, with no other sentence end inside
        expect(it.text).toMatch(/^[^。；]+[。；]$/);
      });
    }
    expect(unit('minzheng').duty!.items).toHaveLength(8);
    expect(unit('fayuan').duty!.items.map((it) => it.text.slice(-1))).toEqual(['；', '。']);
    expect(unit('fazhi').duty!.items).toEqual([
      { id: 'fazhi.1', text: '负责有关未成年人保护方面规范性文件的合法性审查工作。' },
    ]);
  });
});

describe('quirks of the notice that must survive', () => {
  it('市工商局 is a member without a duty paragraph', () => {
    expect(unit('gongshang')).toMatchObject({ name: '市工商局', dutyName: null, duty: null });
    expect(postsOf('gongshang').map((p) => p.name)).toEqual(['林春雄']);
    expect(notice.duties.some((d) => d.head.includes('工商'))).toBe(false);
    expect(template.units.filter((u) => u.duty === null).map((u) => u.id)).toEqual(['gongshang']);
  });

  it('the poverty office is 市扶贫办 among the members and 「市委农办（扶贫办）」 in the duties', () => {
    expect(unit('fupin')).toMatchObject({ name: '市扶贫办', dutyName: '市委农办（扶贫办）' });
    expect(postsOf('fupin').map((p) => [p.name, p.title])).toEqual([['郑宏光', '市扶贫办主任']]);
    expect(unit('fupin').duty!.paragraph).toBe(
      notice.duties.find((d) => d.head === '市委农办（扶贫办）')!.body,
    );
  });

  it('市公安局 provides the convener and a member', () => {
    expect(postsOf('gongan').map((p) => [p.role, p.name, p.title])).toEqual([
      ['convener', '马儒生', '副市长、市公安局局长'],
      ['member', '陈培标', '市公安局副局长'],
    ]);
  });

  it('市民政局 provides a deputy convener and a member who heads the office', () => {
    expect(postsOf('minzheng').map((p) => [p.role, p.name, p.title])).toEqual([
      ['deputyConvener', '魏洁林', '市民政局局长'],
      ['member', '林小彭', '市民政局副局长'],
    ]);
    expect(template.office.head).toBe('林小彭');
    expect(template.office.hostUnit).toBe('minzheng');
  });

  it('the standing committee, the court and the youth league keep both of their names', () => {
    expect(unit('renda')).toMatchObject({ name: '市人大常委会', dutyName: '市人大常委会（内司工委）' });
    expect(postsOf('renda')[0]!.title).toBe('市人大常委会委员、内司工委主任');
    expect(unit('fayuan')).toMatchObject({ name: '市中院', dutyName: '市中级人民法院', kind: 'judicial' });
    expect(postsOf('fayuan')[0]!.title).toBe('市中院政治处主任');
    expect(unit('tuanshiwei')).toMatchObject({
      name: '团市委',
      dutyName: '团市委',
      kind: 'massOrganisation',
    });
    expect(unit('zongzhi')).toMatchObject({ name: '市综治办', dutyName: '市综治办', order: 1 });
  });
});

describe('office, liaison officers, rules and main duties', () => {
  it('has the office headed by 林小彭 on top of his post', () => {
    expect(template.office).toMatchObject({
      name: '联席会议办公室',
      head: '林小彭',
      headNote: '兼任办公室主任',
      duty: '负责联席会议日常工作',
    });
    expect(notice.officeParagraph.startsWith(template.office.text)).toBe(true);
    expect(template.office.text).toContain(`由${template.office.head}${template.office.headNote}`);
    expect(template.office.text).toContain(template.office.duty);
    const head = template.posts.filter((p) => p.normalisedName === normalisePersonName(template.office.head));
    expect(head.map((p) => [p.role, p.unit])).toEqual([['member', template.office.hostUnit]]);
  });

  it('has liaison officers from each member unit', () => {
    expect(template.liaisonRule).toBe('由各成员单位有关科室负责同志担任');
    expect(notice.officeParagraph).toBe(template.office.text + template.liaisonText);
    expect(template.liaisonText).toContain(template.liaisonRule);
  });

  it('keeps section 三 verbatim, joined across the page break, and its rules', () => {
    expect(template.rules.text).toBe(notice.rules);
    expect(template.rules.text).toContain('由召集人或召集人委托的同志主持。');
    expect(template.rules.text).toContain('原则上每年召开一次全体会议');
    expect(template.rules.plenaryPerYear).toBe(1);
    expect(template.rules.liaisonMeetingBeforePlenary).toBe(true);
    for (const part of [
      template.rules.plenaryChair,
      template.rules.adHocMeetings,
      template.rules.decisionRecord,
    ]) {
      expect(template.rules.text).toContain(part);
    }
  });

  it('keeps section 二 verbatim', () => {
    expect(template.mainDuties).toBe(notice.mainDuties);
    expect(template.mainDuties.startsWith('统筹协调全市农村留守儿童关爱保护工作。')).toBe(true);
  });
});

describe('parseNoticeTemplate', () => {
  const damaged = (change: (t: NoticeTemplate) => void) => {
    const t = clone();
    change(t);
    try {
      parseNoticeTemplate(t);
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('TEMPLATE_DAMAGED');
      return (err as AppError).fields ?? {};
    }
    throw new Error('the damaged template was accepted');
  };

  it('accepts the shipped template unchanged', () => {
    expect(parseNoticeTemplate(clone())).toEqual(template);
  });

  it('refuses a duty item that no longer matches its paragraph', () => {
    const fields = damaged((t) => {
      t.units[7]!.duty!.items[0]!.text = '督促指导各级民政部门。';
    });
    expect(Object.keys(fields)).toContain('units.7.duty.items');
  });

  it('refuses a post pointing at a unit that does not exist', () => {
    const fields = damaged((t) => {
      t.posts[3]!.unit = 'nowhere';
    });
    expect(fields['posts.3.unit']).toContain('nowhere');
  });

  it('refuses duplicate unit ids, a lost duty name, a stale normalised name and a second convener', () => {
    damaged((t) => {
      t.units[1]!.id = t.units[0]!.id;
    });
    damaged((t) => {
      t.units[0]!.dutyName = null;
    });
    damaged((t) => {
      t.posts[21]!.normalisedName = '林 华';
    });
    damaged((t) => {
      t.posts[1]!.role = 'convener';
    });
    damaged((t) => {
      (t as { extra?: number }).extra = 1;
    });
  });

  it('loads from a given assets folder and says so when the file is missing or unreadable', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guanai-assets-'));
    try {
      expect(() => loadNoticeTemplate(dir)).toThrow(expect.objectContaining({ code: 'ASSETS_MISSING' }));
      fs.mkdirSync(path.join(dir, 'templates'));
      fs.writeFileSync(path.join(dir, 'templates', 'jieyang-2017-24.json'), '{ "version": 1,');
      expect(() => loadNoticeTemplate(dir)).toThrow(expect.objectContaining({ code: 'TEMPLATE_DAMAGED' }));
      fs.copyFileSync(
        path.join(path.dirname(NOTICE_PATH), 'jieyang-2017-24.json'),
        path.join(dir, 'templates', 'jieyang-2017-24.json'),
      );
      expect(loadNoticeTemplate(dir)).toEqual(template);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
