// End-to-end tests drive a real browser against a real server on a shared 2-core machine: a timing hiccup gets one
// retry, and the first failure is still printed so a real fault shows in the log.
jest.retryTimes(1, { logErrorsBeforeRetry: true });
