// Data exchange by USB bundles (issue 6): office cards and trust, export, verify / dry run / import, the exchange
// log, conflicts, child transfer. Thin: the rules live in electron/sync/.
import fs from 'node:fs';
import path from 'node:path';
import { requireStore, type AppContext } from '../app/context';
import { cardToText, makeCard } from '../bundle/office-card';
import { AppError } from '../contract/errors';
import { loadIdentity } from '../identity/identity';
import { writeFileDurably } from '../store/durable-file';
import { journalRefusal } from '../store/store';
import { bundleClockWarning } from '../app/clock-check';
import { raiseNotice } from '../notices/notices';
import { refOf, resolveFile } from '../files/resolve-file';
import { listConflicts, resolveConflict } from '../sync/conflicts';
import { dryRun } from '../sync/dry-run';
import { readLog } from '../sync/exchange-log';
import { buildBundle, recordExport } from '../sync/export';
import { applyBundle, bundleCheck, inspectBundle, readBundleSource } from '../sync/import';
import { allPeers, peerView, previewCard, readPeer, revokePeer, trustCard } from '../sync/peers';
import { transferChanges } from '../sync/transfer';
import { assertNoPersonalData, deliveredChange, prepareForUnit, reshareChanges, textHoldsPersonalData } from '../sync/unit-share';
import type { Change, Store } from '../store/store';
import { duplicateGroups } from './ledger-duplicates';
import type { BundleSource } from '../contract/schemas/exchange';
import type { HandlerMap } from './types';

const now = (ctx: AppContext) => new Date(ctx.clock());

function officeNames(ctx: AppContext): (code: string) => string {
  const store = requireStore(ctx);
  return (code) => (code === ctx.office!.code ? ctx.office!.name : (readPeer(store, code)?.name ?? `单位 ${code}`));
}

function peerFor(ctx: AppContext, code: string) {
  const p = readPeer(requireStore(ctx), code);
  if (!p) throw new AppError('NOT_FOUND', `本单位尚未信任代码为 ${code} 的单位，请先导入并核对其单位名片。`, { to: '请先信任该单位' });
  if (p.status !== 'trusted') throw new AppError('REFUSED', `「${p.name}」已被注销信任，不能向其导出数据。`, { to: '该单位已被注销信任' });
  return p;
}

function inspect(ctx: AppContext, src: BundleSource, channel: string) {
  const store = requireStore(ctx);
  // A handle or a path goes through the shell's file access (refused and audited outside what it allows).
  const ref = refOf(src);
  const bytes = ref ? readBundleSource({ path: resolveFile(ctx, ref, 'read', channel) }) : readBundleSource(src);
  return inspectBundle(store, loadIdentity(ctx.dataDir, ctx.keys?.sealer), bytes);
}

/** What an export to a unit office kept back, named for the person (the document's title, never its content). */
function keptBackTitles(store: Store, keys: string[]) {
  return keys.map((key) => {
    const [entity = '', id = ''] = key.split(/:(.*)/s);
    const v = store.get(entity, id)?.v ?? {};
    const named = typeof v.title === 'string' && v.title !== '' && !textHoldsPersonalData(store, v.title) ? v.title : '';
    const title = named || (entity === 'bulletin' ? '工作进展通报' : '印发的文件');
    return { entity, id, title };
  });
}

export const exchangeHandlers = {
  async 'exchange.card'(_args, ctx) {
    requireStore(ctx);
    const card = makeCard(ctx.office!);
    return { fileName: `关爱单位名片_${card.name}_${card.code}.json`, text: cardToText(card), fingerprint: card.fingerprint };
  },
  async 'exchange.readCard'(args, ctx) {
    return previewCard(requireStore(ctx), ctx.office!, args.text).preview;
  },
  async 'exchange.trust'(args, ctx) {
    const store = requireStore(ctx);
    const p = trustCard(store, ctx.office!, ctx.user, now(ctx), args.text, args.fingerprint);
    return peerView(p, ctx.office!.code, store.versionVector());
  },
  async 'exchange.revoke'(args, ctx) {
    const store = requireStore(ctx);
    return peerView(revokePeer(store, ctx.user, now(ctx), args.code), ctx.office!.code, store.versionVector());
  },
  async 'exchange.peers'(_args, ctx) {
    const store = requireStore(ctx);
    const held = store.versionVector();
    return allPeers(store).map((p) => peerView(p, ctx.office!.code, held));
  },
  async 'exchange.export'(args, ctx) {
    const store = requireStore(ctx);
    // Where it goes is settled first, before anything is built or recorded: a refused folder changes nothing.
    const folderRef = refOf({ handle: args.folderHandle, path: args.folder });
    const folder = folderRef ? resolveFile(ctx, folderRef, 'folder', 'exchange.export') : undefined;
    const peer = peerFor(ctx, args.to);
    if (folder !== undefined && (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())) {
      throw new AppError('NOT_FOUND', '找不到所选的文件夹，请确认 U 盘已插好。', { folder: '文件夹不存在' });
    }
    // A journal with damaged lines would silently send only what lies before the damage: refuse, naming it, unless
    // the person asked for the intact part (the bundle then says what is missing).
    const damage = store.checkJournal();
    if (damage.lines.length && !args.allowDamaged) throw new AppError('JOURNAL_DAMAGED', journalRefusal(damage));
    const opts = { full: args.full, now: now(ctx), ...(damage.lines.length ? { damaged: damage } : {}) };
    // To a member unit's office (issue 14): records that joined its share after their first operations went to it
    // as place-holders are re-stated first (checked for personal data before anything is written).
    const delivered: Change[] = [];
    if (peer.level === 'unit') {
      const reshare = reshareChanges(store, peer.code, peer.acked ?? {});
      if (reshare.changes.length) {
        const preview = reshare.changes.map((c) =>
          prepareForUnit(store, { office: ctx.office!.code, seq: 1, hlc: store.newestStamp, user: ctx.user, entity: c.entity, id: c.id, set: c.set, sv: 1 }),
        );
        assertNoPersonalData(store, preview, peer.name);
        store.commit(reshare.changes, ctx.user);
      }
      delivered.push(deliveredChange(peer.code, reshare.keys));
    }
    const built = buildBundle(store, loadIdentity(ctx.dataDir, ctx.keys?.sealer), peer, opts);
    let filePath: string | undefined;
    if (folder !== undefined) {
      filePath = path.join(folder, built.fileName);
      writeFileDurably(filePath, built.bytes, 0o600);
    }
    recordExport(store, ctx.user, peer, built, opts, delivered);
    return {
      fileName: built.fileName,
      bytes: built.bytes.length,
      operations: built.operations,
      withheld: built.withheld,
      byEntity: built.byEntity,
      ...(built.damaged ? { damaged: built.damaged } : {}),
      ...(built.keptBack.length ? { keptBack: keptBackTitles(store, built.keptBack) } : {}),
      ...(filePath !== undefined ? { filePath } : { base64: built.bytes.toString('base64') }),
    };
  },
  async 'exchange.verify'(args, ctx) {
    return bundleCheck(inspect(ctx, args, 'exchange.verify'));
  },
  async 'exchange.dryRun'(args, ctx) {
    return dryRun(requireStore(ctx), inspect(ctx, args, 'exchange.dryRun').toApply);
  },
  async 'exchange.import'(args, ctx) {
    const b = inspect(ctx, args, 'exchange.import');
    const warning = bundleClockWarning(ctx, b.manifest.createdAt);
    if (warning) raiseNotice(ctx.dataDir, { key: `clock:${b.manifest.bundleId}`, code: 'CLOCK_BEHIND', message: warning }, now(ctx));
    const d = b.manifest.damaged;
    if (d && b.toApply.length) {
      raiseNotice(
        ctx.dataDir,
        {
          key: `incomplete:${b.manifest.bundleId}`,
          code: 'BUNDLE_INCOMPLETE',
          message:
            `导入的“${b.manifest.sender.name}”数据包注明：对方的操作日志有 ${d.lines} 行损坏，其中 ${d.operations} 条修改无法读取，未包含在本数据包中。` +
            '已导入的是其余完好的部分；缺少的修改请与对方联系核对。',
        },
        now(ctx),
      );
    }
    return applyBundle(requireStore(ctx), ctx.office!.code, b, ctx.user, now(ctx));
  },
  async 'exchange.log'(_args, ctx) {
    return readLog(requireStore(ctx));
  },
  async 'exchange.transfer'(args, ctx) {
    const store = requireStore(ctx);
    const to = peerFor(ctx, args.to);
    store.commit(transferChanges(store, ctx.office!.code, args.childId, to, args.date, args.note ?? ''), ctx.user);
    return { id: args.childId, to: to.code, toName: to.name };
  },
  async 'exchange.duplicates'(_args, ctx) {
    return duplicateGroups(ctx);
  },
  async 'conflicts.list'(_args, ctx) {
    return listConflicts(requireStore(ctx), officeNames(ctx));
  },
  async 'conflicts.resolve'(args, ctx) {
    resolveConflict(requireStore(ctx), ctx.user, args);
    return { resolved: true as const };
  },
} satisfies HandlerMap<
  | 'exchange.card'
  | 'exchange.readCard'
  | 'exchange.trust'
  | 'exchange.revoke'
  | 'exchange.peers'
  | 'exchange.export'
  | 'exchange.verify'
  | 'exchange.dryRun'
  | 'exchange.import'
  | 'exchange.log'
  | 'exchange.transfer'
  | 'exchange.duplicates'
  | 'conflicts.list'
  | 'conflicts.resolve'
>;
