// Errors cross the process boundary as data: a stable code for code, a Chinese message for people.
// Pure module: imported by main, preview, CLI and (as values) by the renderer client.

export type ErrorCode =
  | 'INVALID_ARGS'
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'NOT_INITIALISED'
  | 'ALREADY_INITIALISED'
  | 'IDENTITY_DAMAGED'
  | 'STORE_DAMAGED'
  | 'SCHEMA_TOO_NEW'
  | 'KEY_WRONG'
  | 'STORE_NOT_ENCRYPTED'
  | 'LOCKED'
  | 'FORBIDDEN'
  | 'UNKNOWN_CHANNEL'
  | 'CONFLICT'
  | 'REFUSED'
  | 'INTERNAL';

export interface AppErrorData {
  code: ErrorCode | string;
  message: string;
  /** Field path → message, for forms that show errors next to the field. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export class AppError extends Error {
  readonly code: ErrorCode | string;
  readonly fields: Record<string, string> | undefined;
  constructor(code: ErrorCode | string, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
  toData(): AppErrorData {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

/** Any thrown value as error data. Unknown errors never carry their text across: it may hold personal data or paths. */
export function toErrorData(err: unknown): AppErrorData {
  if (err instanceof AppError) return err.toData();
  return { code: 'INTERNAL', message: '程序内部错误，操作未完成。请记下操作步骤并联系技术支持。' };
}
