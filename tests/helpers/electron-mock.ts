// Stand-in for the `electron` package in jest: the real binary cannot run here. Tests that exercise the Electron glue
// import this module to inspect what the glue registered.
export const electronMock = {
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
};
export const app = {};
export const ipcMain = {};
export default {};
