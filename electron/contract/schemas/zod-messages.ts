// Chinese messages for every zod issue a schema does not word itself, set once for the whole zod instance, so main,
// the preview and the CLI (and the renderer, which shares the office schema) never show zod's English defaults or
// its zh-CN locale, which still names types in English ("期望 string"). A message never names a field key: the
// dispatcher puts the field's Chinese label in front where it knows one (./field-labels).
import { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '“是”或“否”',
  array: '列表',
  object: '一组内容',
  record: '一组内容',
  date: '日期',
  null: '空值',
  undefined: '空值',
};

const typeName = (t: unknown) => TYPE_NAMES[String(t)] ?? '正确的内容';

function tooBig(iss: Extract<Issue, { code: 'too_big' }>): string {
  const max = Number(iss.maximum);
  switch (iss.origin) {
    case 'string':
      return `不能超过${iss.inclusive ? max : max - 1}个字`;
    case 'array':
    case 'set':
    case 'map':
      return `最多${iss.inclusive ? max : max - 1}项`;
    case 'file':
      return '文件过大';
    default:
      return iss.inclusive ? `不能大于${max}` : `应小于${max}`;
  }
}

function tooSmall(iss: Extract<Issue, { code: 'too_small' }>): string {
  const min = Number(iss.minimum);
  switch (iss.origin) {
    case 'string':
      return min <= 1 && iss.inclusive ? '不能为空' : `至少${iss.inclusive ? min : min + 1}个字`;
    case 'array':
    case 'set':
    case 'map':
      return min <= 1 && iss.inclusive ? '至少选择或填写一项' : `至少${iss.inclusive ? min : min + 1}项`;
    default:
      return iss.inclusive ? `不能小于${min}` : `应大于${min}`;
  }
}

/** The message for one issue, in Chinese, without any field key. */
export function chineseIssueMessage(iss: Issue): string {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return '缺少必填内容';
      return `类型不正确，应为${typeName(iss.expected)}`;
    case 'too_big':
      return tooBig(iss);
    case 'too_small':
      return tooSmall(iss);
    case 'invalid_format':
      return iss.format === 'date' || iss.format === 'datetime' ? '日期格式不正确' : '格式不正确';
    case 'not_multiple_of':
      return `应为${String(iss.divisor)}的整数倍`;
    case 'unrecognized_keys':
      // The keys themselves are program names, not words for a person.
      return `含有${iss.keys.length}项无法识别的内容`;
    case 'invalid_value':
      return iss.values.length === 1 ? '取值不正确' : '不是可选的值，请重新选择';
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
    default:
      return '内容不符合要求';
  }
}

/** Was this issue's message worded here (not by the schema)? */
export function isGenericMessage(iss: { message: string }): boolean {
  return iss.message === chineseIssueMessage(iss as unknown as Issue);
}

let installed = false;

/** Installs the Chinese messages for this zod instance (idempotent; every contract import runs it). */
export function installChineseZodMessages(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: (iss) => chineseIssueMessage(iss as Issue) });
}

installChineseZodMessages();
