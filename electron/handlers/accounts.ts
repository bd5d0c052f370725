// Handlers for people and protection: sign-in, lock, password changes, the people list, security settings and the
// audit trail. (Being built: see issue 10.)
import { AppError } from '../contract/errors';
import type { HandlerMap } from './types';

const notYet = async (): Promise<never> => {
  throw new AppError('REFUSED', '该功能正在建设中。');
};

export const accountHandlers = {
  'auth.signIn': notYet,
  'auth.lock': notYet,
  'auth.changePassword': notYet,
  'security.get': notYet,
  'security.set': notYet,
  'users.list': notYet,
  'users.add': notYet,
  'users.disable': notYet,
  'users.enable': notYet,
  'users.resetPassword': notYet,
  'users.setRole': notYet,
  'audit.list': notYet,
  'audit.verify': notYet,
  'audit.exportXlsx': notYet,
} satisfies HandlerMap<
  | 'auth.signIn'
  | 'auth.lock'
  | 'auth.changePassword'
  | 'security.get'
  | 'security.set'
  | 'users.list'
  | 'users.add'
  | 'users.disable'
  | 'users.enable'
  | 'users.resetPassword'
  | 'users.setRole'
  | 'audit.list'
  | 'audit.verify'
  | 'audit.exportXlsx'
>;
