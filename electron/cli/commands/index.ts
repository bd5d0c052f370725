import type { Command } from '../command';
import { demoCommand } from './demo';
import { doctorCommand } from './doctor';
import { infoCommand } from './info';
import { initCommand } from './init';
// ── command imports: one line per area ──

/** Every CLI command. Names, flags and --json keys are contracts other tools rely on: never rename them. */
export const commands: Command[] = [
  initCommand,
  infoCommand,
  doctorCommand,
  demoCommand,
  // ── commands: one line per area ──
];
