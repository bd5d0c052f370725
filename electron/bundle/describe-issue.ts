// Turns the first zod issue into a short Chinese phrase naming the field, for messages about files from elsewhere.
import type { z } from 'zod';

export function describeIssue(error: z.ZodError, labels: Record<string, string>): string {
  const issue = error.issues[0];
  if (!issue) return '内容不符合格式';
  const where = issue.path.map((p) => labels[String(p)] ?? String(p)).join(' → ');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join('、');
    return where ? `「${where}」中含有不应出现的字段：${keys}` : `含有不应出现的字段：${keys}`;
  }
  return where ? `字段「${where}」缺失或不正确` : '内容不符合格式';
}
