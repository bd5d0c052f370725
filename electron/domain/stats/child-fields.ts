// Reading a child record from the store without depending on how its sections are laid out: a field path such as
// 'responsibility.township' is looked up as a flat key first (per-field merges keep each field its own key), then
// as a nested value (a section saved as one object). Reports and statistics only read children; they never write.
import type { JsonValue } from '../../store/operation';

export function childField(v: Record<string, JsonValue>, path: string): JsonValue | undefined {
  if (path in v) return v[path];
  let cur: JsonValue | undefined = v;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, JsonValue>)[part];
  }
  return cur;
}

export function childText(v: Record<string, JsonValue>, path: string): string {
  const value = childField(v, path);
  return typeof value === 'string' ? value : '';
}
