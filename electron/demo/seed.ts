// `guanai demo` and `npm run preview -- --demo`: a realistic demonstration city office. Each feature adds its part
// in electron/demo/parts.ts; everything is generated, plausible, and marked as demonstration data.
import type { AppContext } from '../app/context';
import { initOffice, requireStore } from '../app/context';
import { AppError } from '../contract/errors';
import { DEMO_ENTITY, DEMO_ID } from '../handlers/app';
import { demoParts } from './parts';

export const DEMO_OFFICE = { code: '445200', name: '揭阳市农村留守儿童关爱保护工作联席会议办公室', level: 'city' as const };

export async function seedDemo(ctx: AppContext): Promise<void> {
  if (ctx.office) throw new AppError('ALREADY_INITIALISED', '演示数据只能放进一个新的空文件夹。');
  await initOffice(ctx, DEMO_OFFICE);
  const store = requireStore(ctx);
  store.commit([{ entity: DEMO_ENTITY, id: DEMO_ID, set: { isDemo: true, createdAt: new Date(ctx.clock()).toISOString() } }], ctx.user);
  for (const part of demoParts) await part.seed(ctx);
}
