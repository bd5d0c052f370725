// Task status rules, always with a fixed "today".
import { AppError } from '../../../electron/contract/errors';
import {
  cancelTaskChanges,
  closeTaskChanges,
  newTaskChanges,
  readTaskFacts,
  releaseTaskChanges,
  taskReportChanges,
  taskStatus,
  type NewTask,
} from '../../../electron/domain/tasks/task-service';
import { Store } from '../../../electron/store/store';
import { cleanupTempDirs, fixedClock, tempDir } from '../../helpers/temp-dir';

const base = { deadline: '2025-06-30' };

describe('taskStatus', () => {
  it('is 未开始 without reports and 进行中 with one', () => {
    expect(taskStatus(base, '2025-06-01')).toBe('未开始');
    expect(taskStatus({ ...base, reports: [{ final: false }] }, '2025-06-01')).toBe('进行中');
  });
  it('is 已逾期 the day after the deadline, not on it', () => {
    expect(taskStatus({ ...base, reports: [{ final: false }] }, '2025-06-30')).toBe('进行中');
    expect(taskStatus({ ...base, reports: [{ final: false }] }, '2025-07-01')).toBe('已逾期');
    expect(taskStatus(base, '2025-07-01')).toBe('已逾期');
  });
  it('is 已完成 with a final report, even after the deadline, and 已销号 once closed', () => {
    expect(taskStatus({ ...base, reports: [{ final: true }] }, '2025-09-01')).toBe('已完成');
    expect(taskStatus({ ...base, closedOn: '2025-07-02', reports: [{ final: true }] }, '2025-09-01')).toBe('已销号');
  });
  it('is 待报批 while held for approval, never overdue, and 已撤销 when refused', () => {
    expect(taskStatus({ ...base, heldForApproval: true }, '2026-01-01')).toBe('待报批');
    expect(taskStatus({ ...base, cancelled: true }, '2026-01-01')).toBe('已撤销');
  });
});

describe('task changes against a store', () => {
  let store: Store;
  const task: NewTask = { title: '开展寒假安全教育', source: { kind: 'adhoc' }, leadUnitId: 'minzheng', coUnitIds: ['jiaoyu'], deadline: '2025-06-30' };
  const status = (today: string) => taskStatus(readTaskFacts(store, 't1'), today);
  beforeEach(async () => {
    const dir = tempDir('tasks');
    await Store.create(dir, '445200');
    store = await Store.open(dir, { office: '445200', clock: fixedClock() });
  });
  afterEach(async () => {
    await store.close();
    cleanupTempDirs();
  });

  it('creates a task in one change that a meeting can batch with its decided item', () => {
    const changes = newTaskChanges('t1', { ...task, source: { kind: 'decision', meetingId: 'm1', decisionId: 'd1' }, heldForApproval: true });
    expect(changes).toHaveLength(1);
    store.commit([{ entity: 'decision', id: 'd1', set: { text: '……' } }, ...changes], 'test');
    expect(status('2026-01-01')).toBe('待报批');
    store.commit(releaseTaskChanges('t1'), 'test');
    expect(status('2026-01-01')).toBe('已逾期');
  });

  it('refuses an incomplete task, naming the fields', () => {
    expect(() => newTaskChanges('t', { ...task, title: ' ', deadline: '六月底', coUnitIds: ['minzheng'] })).toThrow(
      expect.objectContaining({ fields: { title: expect.any(String), deadline: expect.any(String), coUnitIds: expect.any(String) } }),
    );
  });

  it('refuses 销号 without a final report, allows it after one', () => {
    store.commit(newTaskChanges('t1', task), 'test');
    store.commit(taskReportChanges(store, 'r1', { taskId: 't1', unitId: 'jiaoyu', date: '2025-05-01', text: '已部署', final: false }, '2025-05-02'), 'test');
    let err: unknown;
    try {
      closeTaskChanges(store, 't1', '2025-05-02', '');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('FINAL_REPORT_REQUIRED');
    store.commit(taskReportChanges(store, 'r2', { taskId: 't1', unitId: 'minzheng', date: '2025-06-20', text: '已办结', final: true }, '2025-06-20'), 'test');
    expect(status('2025-07-10')).toBe('已完成');
    store.commit(closeTaskChanges(store, 't1', '2025-06-21', '同意销号'), 'test');
    expect(status('2025-07-10')).toBe('已销号');
    expect(() => closeTaskChanges(store, 't1', '2025-06-22', '')).toThrow(expect.objectContaining({ code: 'REFUSED' }));
  });

  it('accepts reports only from the task’s units, dated no later than today', () => {
    store.commit(newTaskChanges('t1', task), 'test');
    expect(() => taskReportChanges(store, 'r', { taskId: 't1', unitId: 'gongan', date: '2025-05-01', text: 'x', final: false }, '2025-05-02')).toThrow(
      expect.objectContaining({ fields: { unitId: expect.any(String) } }),
    );
    expect(() => taskReportChanges(store, 'r', { taskId: 't1', unitId: 'jiaoyu', date: '2025-05-03', text: 'x', final: false }, '2025-05-02')).toThrow(
      expect.objectContaining({ fields: { date: expect.any(String) } }),
    );
  });

  it('refuses reports on a task whose approval was refused', () => {
    store.commit(newTaskChanges('t1', { ...task, heldForApproval: true }), 'test');
    store.commit(cancelTaskChanges('t1', '不予批准'), 'test');
    expect(status('2025-05-02')).toBe('已撤销');
    expect(() => taskReportChanges(store, 'r', { taskId: 't1', unitId: 'jiaoyu', date: '2025-05-01', text: 'x', final: false }, '2025-05-02')).toThrow(
      expect.objectContaining({ code: 'REFUSED' }),
    );
  });
});
