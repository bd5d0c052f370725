// Every handler, keyed by channel. `satisfies` makes a missing or extra handler a compile error.
import type { ChannelName } from '../contract/channels';
import { appHandlers } from './app';
import { accountHandlers } from './accounts';
import { printHandlers } from './print';
// ── handler imports: one line per area ──
import { exchangeHandlers } from './exchange';
import { backupHandlers } from './backup';
import { filesHandlers } from './files';
import { meetingHandlers } from './meetings';
import { minutesHandlers } from './minutes';
import { ledgerHandlers } from './ledger';
import { duplicateHandlers } from './ledger-duplicates';
import { ledgerExcelHandlers } from './ledger-excel';
import { reportHandlers } from './ledger-reports';
import { statsHandlers } from './ledger-stats';
import { unitsHandlers } from './units';
import { tasksHandlers } from './tasks';
import { unitOfficeHandlers } from './unit-office';
import type { HandlerMap } from './types';

export const handlers = {
  ...appHandlers,
  ...accountHandlers,
  ...printHandlers,
  // ── handler maps: one line per area ──
  ...exchangeHandlers,
  ...backupHandlers,
  ...filesHandlers,
  ...meetingHandlers,
  ...minutesHandlers,
  ...ledgerHandlers,
  ...duplicateHandlers,
  ...ledgerExcelHandlers,
  ...reportHandlers,
  ...statsHandlers,
  ...unitsHandlers,
  ...tasksHandlers,
  ...unitOfficeHandlers,
} satisfies HandlerMap<ChannelName>;
