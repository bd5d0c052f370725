// The CLI acts as a person: in the unit and handler suites every `guanai` run is the test office's administrator
// (tests of sign-in failures set their own values). See tests/helpers/office.ts.
import { TEST_ADMIN } from './office';

process.env.GUANAI_USER ??= TEST_ADMIN.login;
process.env.GUANAI_PASSWORD ??= TEST_ADMIN.password;
