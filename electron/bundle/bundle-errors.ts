// Every way a bundle can be refused has its own code, so the import screen can say what to do about it.
import { AppError } from '../contract/errors';

export const bundleErrorCodes = [
  'BUNDLE_DAMAGED',
  'BUNDLE_UNSUPPORTED_VERSION',
  'BUNDLE_TOO_LARGE',
  'BUNDLE_UNKNOWN_SENDER',
  'BUNDLE_REVOKED_SENDER',
  'BUNDLE_SENDER_MISMATCH',
  'BUNDLE_BAD_SIGNATURE',
  'BUNDLE_WRONG_RECIPIENT',
  'BUNDLE_DECRYPT_FAILED',
  'BUNDLE_PAYLOAD_MISMATCH',
  'BUNDLE_PAYLOAD_INVALID',
  'BUNDLE_MANIFEST_INVALID',
] as const;
export type BundleErrorCode = (typeof bundleErrorCodes)[number];

export function bundleError(code: BundleErrorCode, message: string): AppError {
  return new AppError(code, message);
}

export const damaged = (detail: string) =>
  bundleError(
    'BUNDLE_DAMAGED',
    `数据包文件已损坏或不完整（${detail}），不能导入。请重新拷贝，或请对方重新导出。`,
  );
