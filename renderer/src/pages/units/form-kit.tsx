// Small pieces the composition, task and bulletin pages share: a submit helper that puts the main process's field
// errors next to their fields, the Enter guard, and the status badge.
import { useContext, useState, type KeyboardEvent } from 'react';
import { AppStatusContext } from '../../app/app-status';
import { NavLink } from 'react-router';
import { toApiError } from '../../api/api-error';
import type { TaskStatusName } from '../../../../electron/contract/schemas/units';

export type Errors = Record<string, string>;

export interface Submit {
  errors: Errors;
  formError: string | null;
  busy: boolean;
  /** Runs `action`; on refusal keeps its field errors and message. Returns whether it succeeded. */
  run(action: () => Promise<unknown>): Promise<boolean>;
  clear(): void;
}

export function useSubmit(): Submit {
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return {
    errors,
    formError,
    busy,
    clear() {
      setErrors({});
      setFormError(null);
    },
    async run(action) {
      if (busy) return false;
      setBusy(true);
      setFormError(null);
      try {
        await action();
        setErrors({});
        return true;
      } catch (err) {
        const e = toApiError(err);
        setErrors(e.fields ?? {});
        setFormError(e.message);
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}

/** Enter in a text field never sends a half-filled form: it moves to the first empty required field instead. */
export function guardEnter(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
  const target = event.target as HTMLElement;
  if (target.tagName !== 'INPUT') return;
  const form = event.currentTarget;
  const empty = Array.from(form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('[required]')).find(
    (el) => el.value.trim() === '',
  );
  if (empty) {
    event.preventDefault();
    empty.focus();
  }
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert">
      {message}
    </div>
  );
}

const statusClass: Record<TaskStatusName, string> = {
  待报批: 'u-badge u-badge-muted',
  未开始: 'u-badge u-badge-muted',
  进行中: 'u-badge u-badge-info',
  已完成: 'u-badge u-badge-ok',
  已逾期: 'u-badge u-badge-danger',
  已销号: 'u-badge u-badge-ok',
  已撤销: 'u-badge u-badge-muted',
};

export function StatusBadge({ status }: { status: TaskStatusName }) {
  return <span className={statusClass[status]}>{status}</span>;
}

/** Today in the renderer's local calendar, for default dates in forms (the main process checks every date). */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function UnitsNav() {
  // 成员单位联络 (issue 14) is the joint-meeting office's: a member unit's own office has no other units to set up.
  const level = useContext(AppStatusContext)?.office.level;
  return (
    <nav className="u-subnav" aria-label="成员单位与督办">
      <NavLink to="/units" end>
        组成与职责
      </NavLink>
      <NavLink to="/units/tasks">督办事项</NavLink>
      <NavLink to="/units/bulletins">工作进展通报</NavLink>
      {level !== undefined && level !== 'unit' && <NavLink to="/units/connected">成员单位联络</NavLink>}
    </nav>
  );
}
