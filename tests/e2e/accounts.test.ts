// End to end in the browser preview (issue 10): people sign in with their own accounts and see only what their role
// may do. A ledger clerk adds a child and finds their own name in its history; a viewer has no 导出 and no way to
// show full numbers; the idle lock hides the page and unlocking returns to it with the unsaved input; a wrong
// password says 用户名或密码错误.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { makeIdNumber } from '../../electron/domain/ledger/id-number';
import { fillChildForm } from '../helpers/child-form';
import { launchChromium, type LaunchedChromium } from '../helpers/chromium';
import { e2eAvailable, signIn, startPreview, type Credentials, type RunningPreview } from '../helpers/preview';
import { cleanupTempDirs, tempDir } from '../helpers/temp-dir';

const run = e2eAvailable() ? describe : describe.skip;
jest.setTimeout(120_000);

interface DemoPerson extends Credentials {
  name: string;
  roleName: string;
}

/** The demo's people, as its sign-in page lists them (演示数据：以下账号仅供试用). */
async function demoPeople(page: Page): Promise<DemoPerson[]> {
  const box = page.getByRole('region', { name: '演示账号' });
  await box.waitFor();
  const rows = await box.locator('tbody tr').all();
  const people: DemoPerson[] = [];
  for (const row of rows) {
    const [login, password, name, roleName] = await row.locator('td').allInnerTexts();
    people.push({ login: login!.trim(), password: password!.trim(), name: name!.trim(), roleName: roleName!.trim() });
  }
  return people;
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('form', { name: '登录' }).waitFor();
}

run('people, roles, sign-in and lock in the browser preview', () => {
  let preview: RunningPreview;
  let browser: LaunchedChromium;
  let shots: string;
  let people: DemoPerson[];
  const person = (roleName: string) => {
    const p = people.find((x) => x.roleName === roleName);
    if (!p) throw new Error(`演示数据中没有「${roleName}」角色的人员`);
    return p;
  };

  beforeAll(async () => {
    shots = tempDir('e2e-accounts');
    preview = await startPreview(['--data', path.join(shots, 'data'), '--demo']);
    browser = await launchChromium({ viewport: { width: 1366, height: 768 } });
    await browser.page.goto(preview.url);
    people = await demoPeople(browser.page);
    await browser.page.screenshot({ path: path.join(shots, 'sign-in.png') });
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    cleanupTempDirs();
  });

  test('a wrong password says 用户名或密码错误 and signs nobody in', async () => {
    const { page } = browser;
    await page.goto(preview.url);
    await signInFails(page, { login: person('台账录入').login, password: 'not-the-password-1' });
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    expect(await page.getByRole('navigation', { name: '主导航' }).count()).toBe(0);
  });

  test('a ledger clerk adds a child and sees their own name in its history', async () => {
    const { page } = browser;
    const clerk = person('台账录入');
    await page.goto(preview.url);
    await signIn(page, clerk);
    expect(await page.getByRole('region', { name: '当前用户' }).innerText()).toContain(clerk.name);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '留守儿童台账' }).click();
    await page.getByRole('link', { name: '新增儿童' }).click();
    const form = page.getByRole('form', { name: '儿童信息' });
    await form.waitFor();
    await fillChildForm(page, { name: '测试录入', idNumber: makeIdNumber('445202', '2016-03-04', 457) });
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: '测试录入的档案' }).waitFor();
    const timeline = page.locator('ol.timeline');
    await timeline.getByText('建档').waitFor();
    expect(await timeline.innerText()).toContain(clerk.name);
    expect(await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '人员管理' }).count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'ledger-history.png') });
    await signOut(page);
  });

  test('a viewer sees no 导出 and no way to show full numbers', async () => {
    const { page } = browser;
    const viewer = person('查阅');
    await page.goto(preview.url);
    await signIn(page, viewer);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '留守儿童台账' }).click();
    await page.getByText(/^共 \d+ 名儿童$/).waitFor();
    const table = page.getByRole('table', { name: '儿童列表' });
    await table.getByRole('link').first().waitFor();
    expect(await page.getByRole('button', { name: /导出/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '新增儿童' }).count()).toBe(0);
    await table.getByRole('link').first().click();
    await page.getByRole('heading', { name: /的档案$/ }).waitFor();
    expect(await page.getByRole('button', { name: /显示完整/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '修改信息' }).count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'viewer-record.png') });
    await signOut(page);
  });

  test('the idle lock hides the page; unlocking returns to it with the unsaved input', async () => {
    const { page } = browser;
    const clerk = person('台账录入');
    await page.clock.install();
    await page.goto(preview.url);
    await signIn(page, clerk);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '留守儿童台账' }).click();
    await page.getByRole('link', { name: '新增儿童' }).click();
    const name = page.getByRole('form', { name: '儿童信息' }).getByLabel('姓名', { exact: true });
    await name.fill('尚未保存');

    await page.clock.fastForward('11:00');
    await page.getByRole('heading', { level: 1, name: '已锁定' }).waitFor();
    expect(await page.getByRole('form', { name: '儿童信息' }).count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('尚未保存');
    await page.screenshot({ path: path.join(shots, 'locked.png') });

    await page.getByLabel('密码', { exact: true }).fill(clerk.password);
    await page.getByRole('button', { name: '解锁' }).click();
    await page.getByRole('form', { name: '儿童信息' }).waitFor();
    expect(await name.inputValue()).toBe('尚未保存');

    // Ctrl+L locks at once.
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { level: 1, name: '已锁定' }).waitFor();
  });
});

async function signInFails(page: Page, who: Credentials) {
  const form = page.getByRole('form', { name: '登录' });
  await form.waitFor();
  await form.getByLabel('用户名', { exact: true }).fill(who.login);
  await form.getByLabel('密码', { exact: true }).fill(who.password);
  await form.getByRole('button', { name: '登录' }).click();
}
