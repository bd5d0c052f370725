// A refused or failed call, as the renderer sees it: the contract's error data, thrown.
import type { AppErrorData } from '../../../electron/contract/errors';

export class ApiError extends Error {
  readonly code: string;
  readonly fields: Record<string, string> | undefined;
  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.fields = data.fields;
  }
}

const fallback: AppErrorData = {
  code: 'INTERNAL',
  message: '与程序后台的通信出错，操作可能未完成。请重试；如仍不行，请重新启动本程序。',
};

/** Anything thrown by a call as an ApiError; foreign errors keep no text (it may hold paths or personal data). */
export const toApiError = (err: unknown): ApiError =>
  err instanceof ApiError ? err : new ApiError(fallback);
