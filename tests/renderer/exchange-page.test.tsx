import { screen, within } from '@testing-library/react';
import { AppError } from '../../electron/contract/errors';
import type {
  BundleCheck,
  CardPreview,
  ConflictItem,
  DryRunSummary,
  ImportResult,
} from '../../electron/contract/schemas/exchange';
import { createFakeApi, fakeStatus, type FakeHandlers } from '../helpers/fake-api';
import { renderApp } from './render-app';

const CARD_TEXT = '{"format":"guanai-card","code":"445224"}';

function card(overrides: Partial<CardPreview> = {}): CardPreview {
  return {
    code: '445224',
    name: '惠来县农村留守儿童关爱保护工作联席会议办公室',
    level: 'county',
    fingerprint: 'ABCD-EFGH-JKMN-PQRS-TUVW',
    createdAt: '2026-03-01T08:00:00.000Z',
    alreadyTrusted: false,
    revoked: false,
    self: false,
    ...overrides,
  };
}

const check: BundleCheck = {
  bundleId: 'b-1',
  fileName: '惠来县至揭阳市.guanai',
  sender: { code: '445224', name: '惠来县农村留守儿童关爱保护工作联席会议办公室', fingerprint: 'ABCD-EFGH-JKMN-PQRS-TUVW' },
  recipient: { code: '445200', name: '揭阳市农村留守儿童关爱保护工作联席会议办公室', fingerprint: '7K3M-Q9TX-2HDP-WRN5-8CJA' },
  createdAt: '2026-03-10T02:00:00.000Z',
  schemaVersion: 1,
  operations: 137,
  byEntity: { child: 120, visit: 17 },
  alreadyApplied: false,
};

const dry: DryRunSummary = {
  new: 23,
  updated: 5,
  unchanged: 101,
  conflicts: 2,
  byEntity: {
    child: { label: '儿童信息', new: 20, updated: 4, unchanged: 96, conflicts: 2 },
    visit: { label: '走访记录', new: 3, updated: 1, unchanged: 5, conflicts: 0 },
  },
  alreadyApplied: false,
  operations: 137,
};

const imported: ImportResult = {
  ...dry,
  applied: true,
  bundleId: 'b-1',
  sender: { code: '445224', name: '惠来县农村留守儿童关爱保护工作联席会议办公室' },
  transfersAccepted: 0,
};

const conflict: ConflictItem = {
  entity: 'child',
  entityLabel: '儿童信息',
  id: 'c-1',
  title: '陈小明',
  field: 'guardianPhone',
  fieldLabel: '监护人电话',
  current: {
    value: '13800138000',
    hlc: '001773025200000-00000-445200',
    office: '445200',
    officeName: '揭阳市农村留守儿童关爱保护工作联席会议办公室',
    at: '2026-03-09T01:00:00.000Z',
  },
  losers: [
    {
      value: '13900139000',
      hlc: '001772938800000-00000-445224',
      office: '445224',
      officeName: '惠来县农村留守儿童关爱保护工作联席会议办公室',
      at: '2026-03-08T01:00:00.000Z',
    },
  ],
};

/** The browser preview by default (uploads and downloads); the desktop's dialogs have their own tests below. */
function exchangeApi(handlers: FakeHandlers = {}, shell: 'preview' | 'desktop' = 'preview') {
  return createFakeApi({
    'app.status': () => fakeStatus({ shell }),
    'exchange.peers': () => [],
    'exchange.log': () => [],
    'exchange.duplicates': () => [],
    'conflicts.list': () => [],
    ...handlers,
  });
}

const BUNDLE_BYTES = [0x47, 0x41, 0x31, 0x00, 0xff];

/** jsdom's File has no text()/arrayBuffer() (browsers and Electron do), so the chosen file supplies them. */
function chosenFile(bytes: number[], name: string): File {
  const file = new File([new Uint8Array(bytes)], name);
  Object.defineProperty(file, 'arrayBuffer', { value: async () => new Uint8Array(bytes).buffer });
  Object.defineProperty(file, 'text', { value: async () => new TextDecoder().decode(new Uint8Array(bytes)) });
  return file;
}

const bundleFile = () => chosenFile(BUNDLE_BYTES, '惠来县至揭阳市.guanai');
const cardFile = () => chosenFile([...new TextEncoder().encode(CARD_TEXT)], '惠来县.json');

describe('data exchange page', () => {
  it('shows a chosen card with its fingerprint and trusts it only after the fingerprint is confirmed', async () => {
    const api = exchangeApi({
      'exchange.readCard': () => card(),
      'exchange.trust': ({ fingerprint }) => ({
        code: '445224',
        name: card().name,
        level: 'county',
        fingerprint,
        status: 'trusted',
        trustedAt: '2026-03-10T02:00:00.000Z',
        sent: { bundles: 0, ownUpTo: 0 },
        received: { bundles: 0, theirsUpTo: 0 },
        acknowledged: { ownUpTo: 0, allSentAcknowledged: true },
      }),
    });
    const { user } = renderApp(api, '/exchange');
    await user.upload(await screen.findByLabelText(/单位名片文件/), cardFile());

    const preview = await screen.findByRole('group', { name: '核对名片' });
    expect(api.callsTo('exchange.readCard')).toEqual([{ text: CARD_TEXT }]);
    expect(within(preview).getByText('单位名称').nextElementSibling).toHaveTextContent(card().name);
    const fingerprint = within(preview).getByText(
      (_, el) => el?.tagName === 'CODE' && el.textContent === 'ABCD EFGH JKMN PQRS TUVW',
    );
    expect(fingerprint).toHaveClass('fingerprint');

    const trust = within(preview).getByRole('button', { name: '信任该单位' });
    expect(trust).toBeDisabled();
    await user.click(trust);
    expect(api.callsTo('exchange.trust')).toHaveLength(0);

    await user.click(within(preview).getByRole('checkbox', { name: /指纹完全一致/ }));
    expect(trust).toBeEnabled();
    await user.click(trust);
    expect(await screen.findByText(`已信任「${card().name}」。`)).toBeInTheDocument();
    expect(api.callsTo('exchange.trust')).toEqual([{ text: CARD_TEXT, fingerprint: 'ABCD-EFGH-JKMN-PQRS-TUVW' }]);
    expect(screen.queryByRole('group', { name: '核对名片' })).not.toBeInTheDocument();
  });

  it('offers no trust button for a card whose key was revoked', async () => {
    const api = exchangeApi({ 'exchange.readCard': () => card({ revoked: true }) });
    const { user } = renderApp(api, '/exchange');
    await user.upload(await screen.findByLabelText(/单位名片文件/), cardFile());
    const preview = await screen.findByRole('group', { name: '核对名片' });
    expect(preview).toHaveTextContent('这张名片的密钥已被本单位注销，不能再次信任。');
    expect(within(preview).queryByRole('button', { name: '信任该单位' })).not.toBeInTheDocument();
  });

  it('shows the verification and the dry run of a bundle and imports it only when the user confirms', async () => {
    const api = exchangeApi({
      'exchange.verify': () => check,
      'exchange.dryRun': () => dry,
      'exchange.import': () => imported,
    });
    const { user } = renderApp(api, '/exchange');
    await user.upload(await screen.findByLabelText(/数据包文件/), bundleFile());

    expect(await screen.findByText(/签名有效，确为「惠来县农村留守儿童关爱保护工作联席会议办公室」所发/)).toBeInTheDocument();
    const section = screen.getByRole('region', { name: '导入数据包' });
    const s = within(section);
    expect(s.getByText('发送单位').nextElementSibling).toHaveTextContent('（445224）');
    expect(s.getByText('修改记录').nextElementSibling).toHaveTextContent('137 条');

    const table = s.getByRole('table', { name: '导入后各类记录的变化（尚未导入）' });
    const cells = (row: string) =>
      within(within(table).getByRole('row', { name: new RegExp(`^${row}`) }))
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells('儿童信息')).toEqual(['20', '4', '96', '2']);
    expect(cells('走访记录')).toEqual(['3', '1', '5', '0']);
    expect(cells('合计')).toEqual(['23', '5', '101', '2']);
    expect(s.getByText(/有 2 条记录与本单位的修改冲突/)).toBeInTheDocument();

    // The same bytes went to the verification and the dry run, and nothing was imported yet.
    const [verified] = api.callsTo('exchange.verify');
    expect(verified).toEqual({ data: btoa(String.fromCharCode(...BUNDLE_BYTES)), fileName: '惠来县至揭阳市.guanai' });
    expect(api.callsTo('exchange.dryRun')).toEqual([verified]);
    expect(api.callsTo('exchange.import')).toHaveLength(0);

    await user.click(s.getByRole('button', { name: '确认导入' }));
    expect(await s.findByText(/已导入「惠来县农村留守儿童关爱保护工作联席会议办公室」的数据包：新增 23 条，更新 5 条，未变 101 条，冲突 2 条。/)).toBeInTheDocument();
    expect(api.callsTo('exchange.import')).toEqual([verified]);
    expect(s.queryByRole('button', { name: '确认导入' })).not.toBeInTheDocument();
  });

  it('does not import when the user cancels after the dry run', async () => {
    const api = exchangeApi({
      'exchange.verify': () => check,
      'exchange.dryRun': () => dry,
      'exchange.import': () => imported,
    });
    const { user } = renderApp(api, '/exchange');
    await user.upload(await screen.findByLabelText(/数据包文件/), bundleFile());
    const section = screen.getByRole('region', { name: '导入数据包' });
    await user.click(await within(section).findByRole('button', { name: '取消' }));
    expect(within(section).queryByRole('button', { name: '确认导入' })).not.toBeInTheDocument();
    expect(api.callsTo('exchange.import')).toHaveLength(0);
  });

  it('shows why a bundle is refused, in Chinese, with no way to import it', async () => {
    const refusal = '该数据包的签名与已信任单位的名片不符，可能被篡改或并非由对方导出，已拒绝导入。';
    const api = exchangeApi({
      'exchange.verify': () => {
        throw new AppError('BUNDLE_SIGNATURE', refusal);
      },
      'exchange.dryRun': () => dry,
      'exchange.import': () => imported,
    });
    const { user } = renderApp(api, '/exchange');
    await user.upload(await screen.findByLabelText(/数据包文件/), bundleFile());
    const section = screen.getByRole('region', { name: '导入数据包' });
    expect(await within(section).findByRole('alert')).toHaveTextContent(refusal);
    expect(within(section).queryByRole('button', { name: '确认导入' })).not.toBeInTheDocument();
    expect(within(section).queryByText(/签名有效/)).not.toBeInTheDocument();
    expect(api.callsTo('exchange.dryRun')).toHaveLength(0);
    expect(api.callsTo('exchange.import')).toHaveLength(0);
  });

  it('lists a conflict with both values and resolves it with the value chosen', async () => {
    const api = exchangeApi({
      'conflicts.list': () => [conflict],
      'conflicts.resolve': () => ({ resolved: true }),
    });
    const { user } = renderApp(api, '/exchange');
    const group = await screen.findByRole('group', { name: '儿童信息「陈小明」的“监护人电话”' });
    const g = within(group);
    const ours = g.getByRole('radio', { name: /13800138000/ });
    const theirs = g.getByRole('radio', { name: /13900139000/ });
    expect(ours).toBeChecked();
    expect(ours).toHaveAccessibleName(expect.stringContaining('目前显示的值'));
    expect(theirs).not.toBeChecked();
    expect(theirs).toHaveAccessibleName(expect.stringContaining('惠来县农村留守儿童关爱保护工作联席会议办公室'));
    expect(screen.getByRole('link', { name: '冲突（1）' })).toBeInTheDocument();

    await user.click(theirs);
    expect(api.callsTo('conflicts.resolve')).toHaveLength(0);
    await user.click(g.getByRole('button', { name: '采用所选的值' }));
    expect(api.callsTo('conflicts.resolve')).toEqual([
      { entity: 'child', id: 'c-1', field: 'guardianPhone', choice: conflict.losers[0]!.hlc },
    ]);
  });
});

describe('data exchange in the desktop shell', () => {
  const peer = {
    code: '445224',
    name: '惠来县农村留守儿童关爱保护工作联席会议办公室',
    level: 'county' as const,
    fingerprint: 'ABCD-EFGH-JKMN-PQRS-TUVW',
    status: 'trusted' as const,
    trustedAt: '2026-03-10T02:00:00.000Z',
    sent: { bundles: 0, ownUpTo: 0 },
    received: { bundles: 0, theirsUpTo: 0 },
    acknowledged: { ownUpTo: 0, allSentAcknowledged: true },
  };

  it('exports into a folder picked in the dialog, by handle', async () => {
    const api = exchangeApi(
      {
        'exchange.peers': () => [peer],
        'files.pickFolder': () => ({ handle: 'h-folder-0123456789abcdef', name: 'U盘' }),
        'exchange.export': () => ({ fileName: 'a.guanai', bytes: 10, operations: 3, withheld: 0, byEntity: { child: 3 }, filePath: 'E:\\a.guanai' }),
      },
      'desktop',
    );
    const { user } = renderApp(api, '/exchange');
    const section = within(await screen.findByRole('region', { name: '导出数据包' }));
    await user.selectOptions(section.getByLabelText('接收单位'), '445224');
    await user.click(section.getByRole('button', { name: '导出数据包' }));
    expect(await section.findByText('请选择保存数据包的文件夹（如 U 盘）')).toBeInTheDocument();
    expect(api.callsTo('exchange.export')).toHaveLength(0);
    await user.click(await section.findByRole('button', { name: '选择文件夹…' }));
    expect(await section.findByText('已选择：U盘')).toBeInTheDocument();
    await user.click(section.getByRole('button', { name: '导出数据包' }));
    expect(await section.findByText(/已导出/)).toBeInTheDocument();
    expect(api.callsTo('files.pickFolder')).toEqual([{ purpose: 'bundle' }]);
    expect(api.callsTo('exchange.export')).toEqual([{ to: '445224', full: false, folderHandle: 'h-folder-0123456789abcdef' }]);
  });

  it('while the journal is damaged: shows the refusal as it comes and offers 仍然导出完好部分', async () => {
    const refusal =
      '操作日志中有 1 行已损坏（第 57 行：儿童信息 1 条），导出的交换包会缺少这些修改，已拒绝导出。请先从损坏之前的备份恢复；确需先发送完好的部分时，可使用“仍然导出完好部分”（命令行 --allow-damaged），交换包将注明缺失。';
    const api = exchangeApi(
      {
        'exchange.peers': () => [peer],
        'files.pickFolder': () => ({ handle: 'h-folder-0123456789abcdef', name: 'U盘' }),
        'exchange.export': ({ allowDamaged }) => {
          if (!allowDamaged) throw new AppError('JOURNAL_DAMAGED', refusal);
          return {
            fileName: 'a.guanai',
            bytes: 10,
            operations: 3,
            withheld: 0,
            byEntity: { child: 3 },
            filePath: 'E:\\a.guanai',
            damaged: { lines: 1, operations: 1 },
          };
        },
      },
      'desktop',
    );
    const { user } = renderApp(api, '/exchange');
    const section = within(await screen.findByRole('region', { name: '导出数据包' }));
    await user.selectOptions(section.getByLabelText('接收单位'), '445224');
    await user.click(section.getByRole('checkbox', { name: /完整副本/ }));
    await user.click(await section.findByRole('button', { name: '选择文件夹…' }));
    await section.findByText('已选择：U盘');
    await user.click(section.getByRole('button', { name: '导出数据包' }));
    const alert = await section.findByRole('alert');
    expect(alert).toHaveTextContent(refusal);
    expect(section.queryByText(/已导出/)).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: '仍然导出完好部分' }));
    expect(await section.findByText(/已导出/)).toBeInTheDocument();
    expect(section.getByText(/操作日志有 1 行损坏/)).toHaveTextContent('其中 1 条修改无法读取');
    expect(section.queryByRole('alert')).not.toBeInTheDocument();
    expect(api.callsTo('exchange.export')).toEqual([
      { to: '445224', full: true, folderHandle: 'h-folder-0123456789abcdef' },
      { to: '445224', full: true, folderHandle: 'h-folder-0123456789abcdef', allowDamaged: true },
    ]);
  });

  it('offers no damaged export for other refusals', async () => {
    const api = exchangeApi(
      {
        'exchange.peers': () => [peer],
        'files.pickFolder': () => ({ handle: 'h-folder-0123456789abcdef', name: 'U盘' }),
        'exchange.export': () => {
          throw new AppError('NOT_FOUND', '找不到所选的文件夹，请确认 U 盘已插好。');
        },
      },
      'desktop',
    );
    const { user } = renderApp(api, '/exchange');
    const section = within(await screen.findByRole('region', { name: '导出数据包' }));
    await user.selectOptions(section.getByLabelText('接收单位'), '445224');
    await user.click(await section.findByRole('button', { name: '选择文件夹…' }));
    await section.findByText('已选择：U盘');
    await user.click(section.getByRole('button', { name: '导出数据包' }));
    expect(await section.findByRole('alert')).toHaveTextContent('找不到所选的文件夹');
    expect(section.queryByRole('button', { name: '仍然导出完好部分' })).not.toBeInTheDocument();
  });

  it('verifies, dry-runs and imports a bundle picked in the dialog, by handle', async () => {
    const api = exchangeApi(
      {
        'files.pickOpen': () => ({ handle: 'h-open-0123456789abcdef', name: '惠来县至揭阳市.guanai' }),
        'exchange.verify': () => check,
        'exchange.dryRun': () => dry,
        'exchange.import': () => imported,
      },
      'desktop',
    );
    const { user } = renderApp(api, '/exchange');
    const section = within(await screen.findByRole('region', { name: '导入数据包' }));
    const choose = await section.findByRole('button', { name: '选择文件…' });
    expect(section.queryByLabelText(/数据包文件/, { selector: 'input[type=file]' })).not.toBeInTheDocument();
    await user.click(choose);
    await user.click(await section.findByRole('button', { name: '确认导入' }));
    expect(await section.findByText(/已导入「惠来县农村留守儿童关爱保护工作联席会议办公室」的数据包/)).toBeInTheDocument();
    const byHandle = { handle: 'h-open-0123456789abcdef' };
    expect(api.callsTo('exchange.verify')).toEqual([byHandle]);
    expect(api.callsTo('exchange.dryRun')).toEqual([byHandle]);
    expect(api.callsTo('exchange.import')).toEqual([byHandle]);
  });

  it('a cancelled dialog checks nothing; a refused handle shows its message', async () => {
    let answer: { cancelled: true } | { handle: string; name: string } = { cancelled: true };
    const api = exchangeApi(
      {
        'files.pickOpen': () => answer,
        'exchange.verify': () => {
          throw new AppError('REFUSED', '只能使用在对话框中选择的文件，请点击“选择文件”重新选择。');
        },
      },
      'desktop',
    );
    const { user } = renderApp(api, '/exchange');
    const section = within(await screen.findByRole('region', { name: '导入数据包' }));
    await user.click(await section.findByRole('button', { name: '选择文件…' }));
    expect(api.callsTo('exchange.verify')).toHaveLength(0);
    answer = { handle: 'h-open-0123456789abcdef', name: 'x.guanai' };
    await user.click(section.getByRole('button', { name: '选择文件…' }));
    expect(await section.findByRole('alert')).toHaveTextContent('只能使用在对话框中选择的文件');
  });
});
