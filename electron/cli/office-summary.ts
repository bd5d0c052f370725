import type { AppContext } from '../app/context';
import { noticesOf, requireStore } from '../app/context';
import { clockWarning } from '../app/clock-check';
import { readNotices } from '../notices/notices';
import { openConflictCount } from '../sync/conflicts';
import { countChildren } from '../handlers/ledger';

/** The facts `guanai info --json` prints; later features add their counts here. */
export function officeSummary(ctx: AppContext) {
  const store = requireStore(ctx);
  const counts = store.counts();
  const o = ctx.office!;
  return {
    office: { code: o.code, name: o.name, level: o.level, fingerprint: o.fingerprint },
    schemaVersion: store.schemaVersion,
    counts: { operations: counts.operations, ...counts.entities, children: countChildren(store), openConflicts: openConflictCount(store) },
    clockWarning: clockWarning(ctx),
    /** Damage that is still there, acknowledged or not (export refuses while the journal's is). */
    damage: readNotices(ctx.dataDir)
      .filter((n) => n.standing)
      .map((n) => ({ code: n.code, message: n.message, since: n.since, acknowledged: Boolean(n.acknowledged) })),
    notices: noticesOf(ctx).map((n) => ({ code: n.code, message: n.message, since: n.since })),
  };
}
