// End-to-end tests drive a real browser against a real server on a shared 2-core machine: a timing hiccup gets one
// retry, and the first failure is still printed so a real fault shows in the log.
import { E2E_ADMIN } from './preview';

jest.retryTimes(1, { logErrorsBeforeRetry: true });

// Every office the tests create (by `guanai init` run in-process, or a preview's --demo) gets this administrator.
process.env.GUANAI_USER = E2E_ADMIN.login;
process.env.GUANAI_PASSWORD = E2E_ADMIN.password;
