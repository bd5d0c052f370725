// Wrong arguments for any zod schema, built by walking its definition: every field missing, every field of the
// wrong type, every text far too long (numbers far too big, lists far too long), and an unknown key beside them.
// The contract test sends these to every channel to prove no message a person sees is zod's English.
import type { z } from 'zod';

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

/** The inner schema of wrappers that do not change the shape. */
function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let i = 0; i < 20; i += 1) {
    const d = defOf(cur);
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(d.type)) cur = d.innerType as z.ZodType;
    else if (d.type === 'pipe') cur = d.in as z.ZodType;
    else if (d.type === 'lazy') cur = (d.getter as () => z.ZodType)();
    else break;
  }
  return cur;
}

export type Variant = 'wrongType' | 'tooLong';

const LONG = '长'.repeat(20_000);

/** A value of the wrong kind (or far too long / big) for `schema`, recursing into objects and lists. */
export function badValue(schema: z.ZodType, variant: Variant, depth = 0): unknown {
  const s = unwrap(schema);
  const d = defOf(s);
  switch (d.type) {
    case 'object': {
      const shape = d.shape as Record<string, z.ZodType>;
      if (depth > 6) return {};
      return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, badValue(v, variant, depth + 1)]));
    }
    case 'array':
      return variant === 'wrongType' ? 12345 : Array.from({ length: 2000 }, () => badValue(d.element as z.ZodType, variant, depth + 1));
    case 'record':
      return variant === 'wrongType' ? 'abc' : { k: badValue(d.valueType as z.ZodType, variant, depth + 1) };
    case 'string':
    case 'enum':
    case 'literal':
    case 'template_literal':
      return variant === 'wrongType' ? 12345 : LONG;
    case 'number':
    case 'int':
    case 'bigint':
      return variant === 'wrongType' ? 'abc' : 1e15;
    case 'boolean':
      return variant === 'wrongType' ? 'abc' : LONG;
    case 'date':
      return variant === 'wrongType' ? true : LONG;
    case 'union': {
      const options = d.options as z.ZodType[];
      return badValue(options[0]!, variant, depth + 1);
    }
    case 'intersection':
      return badValue(d.left as z.ZodType, variant, depth + 1);
    default:
      return variant === 'wrongType' ? Symbol.for('x').toString() : LONG;
  }
}

/** Every kind of wrong argument for one channel's schema. */
export function badArgsFor(schema: z.ZodType): Array<{ what: string; args: unknown }> {
  const wrong = badValue(schema, 'wrongType');
  const long = badValue(schema, 'tooLong');
  const withExtra = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? { ...v, zzUnknownKey: 1 } : v);
  return [
    { what: '缺少字段', args: {} },
    { what: '类型错误', args: wrong },
    { what: '内容过长', args: long },
    { what: '多余字段', args: withExtra(long) },
    { what: '不是对象', args: 'abc' },
  ];
}
