// Child transfer between counties. The sending county writes the transfer on the record (status 转出, to whom,
// when, and `custodian`: the office now responsible). Routing then sends the child's whole history — every
// operation on the child and its visits, assistance, assessments and reports, whatever office made it — to the
// custodian. The receiving county takes the child over on import (status back to 在册); the sending county never
// receives that (the record is no longer routed to it), so its copy stays as the read-only trace of the transfer.
import { AppError } from '../contract/errors';
import type { Change } from '../store/store';
import type { Store } from '../store/store';
import { CUSTODIAN_FIELD, ownerLookup } from './ownership';
import type { PeerRecord } from './peers';

export const TRANSFERRED_FROM_FIELD = 'transferredFrom';
export const TRANSFERRED_AT_FIELD = 'transferredAt';

export function transferChanges(
  store: Store,
  self: string,
  childId: string,
  to: PeerRecord,
  date: string,
  note: string,
): Change[] {
  const rec = store.get('child', childId);
  if (!rec) throw new AppError('NOT_FOUND', '找不到该儿童的档案。');
  const owner = ownerLookup(store)('child', childId);
  if (owner !== self) throw new AppError('REFUSED', '该儿童的档案不归本单位管理（已转出或由其他单位建档），不能办理转出。');
  if (to.code === self) throw new AppError('REFUSED', '不能转给本单位自己。');
  if (to.status !== 'trusted') throw new AppError('REFUSED', `「${to.name}」已被注销信任，不能向其转出。`);
  if (to.level !== 'county' && to.level !== 'zone') {
    throw new AppError('REFUSED', '儿童只能转给其他县（市、区）或功能区的单位。');
  }
  return [
    {
      entity: 'child',
      id: childId,
      set: {
        'status.state': 'transferred',
        'status.date': date,
        'status.transferTo': to.name,
        'status.note': note,
        [CUSTODIAN_FIELD]: to.code,
        [TRANSFERRED_FROM_FIELD]: self,
        [TRANSFERRED_AT_FIELD]: date,
      },
    },
  ];
}

/** The children an import brought in that were transferred to this office: taken over (在册 again). */
export function acceptTransferChanges(store: Store, self: string, childIds: Iterable<string>): Change[] {
  const out: Change[] = [];
  for (const id of new Set(childIds)) {
    const v = store.get('child', id)?.v;
    if (!v || v[CUSTODIAN_FIELD] !== self || v['status.state'] !== 'transferred') continue;
    out.push({
      entity: 'child',
      id,
      set: { 'status.state': 'active', 'status.reason': '', 'status.date': '', 'status.transferTo': '', 'status.note': '' },
    });
  }
  return out;
}
