// Fills the ledger's 儿童信息 form with one complete, eligible record (a child with both parents working away, cared
// for by grandparents), for end-to-end tests that add a child.
import type { Page } from 'playwright-core';

export async function fillChildForm(page: Page, child: { name: string; idNumber: string }): Promise<void> {
  const form = page.getByRole('form', { name: '儿童信息' });
  const field = (label: string) => form.getByLabel(label, { exact: true });
  await field('姓名').fill(child.name);
  await field('身份证号码').fill(child.idNumber);
  await field('身份证号码').blur();
  await field('现居住地').fill('揭阳市榕城区仙桥街道东湖村');
  await field('身体情况').selectOption('healthy');
  await field('就学情况').selectOption('primary');
  await field('就读学校').fill('东湖小学');
  await field('年级').fill('五年级');
  await field('父亲姓名').fill('张大明');
  await field('父亲务工地点（市）').fill('深圳市');
  await field('父亲联系电话').fill('13812345678');
  await field('母亲姓名').fill('李小红');
  await field('母亲务工地点（市）').fill('东莞市');
  await field('母亲联系电话').fill('13912345678');
  await field('父母双方外出').selectOption('yes');
  await field('监护人类型').selectOption('grandparents');
  await field('监护类型').selectOption('fair');
  await field('监护情况评估').selectOption('fair');
  await field('有无委托监护人').selectOption('yes');
  await field('委托监护人姓名').fill('张老三');
  await field('委托监护人电话').fill('0663-8123456');
  await field('与被监护人关系').selectOption('grandfather');
  await field('乡镇（街道）').fill('仙桥街道');
  await field('村（居）').fill('东湖村');
  await field('儿童主任').fill('林主任');
}
