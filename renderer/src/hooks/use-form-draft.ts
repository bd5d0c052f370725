// No form loses what was typed. A form keeps its values through this hook: while they differ from what was loaded
// (or from the empty form), they are a draft, kept in sessionStorage under the form's key so a reload brings them
// back, and the form is registered as unsaved so <LeaveGuard> asks before the user leaves it (in-app navigation and
// closing or reloading the window). sessionStorage, not localStorage: drafts hold children's personal data, so
// they die with the window and never stay on the PC; a save or a discard removes them at once.
import { useCallback, useEffect, useRef, useState, type SetStateAction } from 'react';

const PREFIX = 'guanai.draft.';

/** Unsaved forms now on screen: key → how to discard its draft. */
const unsaved = new Map<string, () => void>();

export const hasUnsavedForms = () => unsaved.size > 0;

/** Discards every unsaved draft (the user chose to leave without saving). */
export function discardUnsavedForms(): void {
  for (const discard of [...unsaved.values()]) discard();
}

function readDraft<T>(key: string): T | undefined {
  try {
    const text = window.sessionStorage.getItem(PREFIX + key);
    return text === null ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
}

function writeDraft(key: string, value: unknown): void {
  try {
    window.sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or refused: the form still works, only the reload copy is lost.
  }
}

const removeDraft = (key: string) => {
  try {
    window.sessionStorage.removeItem(PREFIX + key);
  } catch {
    /* nothing kept */
  }
};

export interface FormDraft<T> {
  /** The values differ from the saved (or empty) form. */
  dirty: boolean;
  /** The values on screen were brought back from a draft. */
  restored: boolean;
  /** Sets what the form was loaded with (from the store), unless a restored draft is on screen. */
  load: (saved: T) => void;
  /** After a save, or to discard: forget the draft and go back to `to` (default: the values now on screen). */
  clear: (to?: T) => void;
  /** Throws the draft away: back to what was loaded (or the empty form). */
  discard: () => void;
}

/**
 * useState for a form's values, with a draft under `key` (one key per form and record, e.g. 'child:new',
 * 'child:<id>'). `initial` is the empty form; an edit form passes null and calls `load` when the record arrives.
 */
export function useFormDraft<T>(key: string, initial: T | (() => T)): [T, (next: SetStateAction<T>) => void, FormDraft<T>] {
  // The empty form is computed once (it may hold the time of opening), so it never differs from itself.
  const [start] = useState(() => ({
    stored: readDraft<T>(key),
    initial: typeof initial === 'function' ? (initial as () => T)() : initial,
  }));
  const [base, setBase] = useState<T>(start.initial);
  const [value, setValueState] = useState<T>(start.stored ?? start.initial);
  const restored = useRef(start.stored !== undefined);
  const baseText = JSON.stringify(base);
  const valueText = JSON.stringify(value);
  const dirty = value !== null && value !== undefined && baseText !== valueText;

  const clear = useCallback(
    (to?: T) => {
      removeDraft(key);
      unsaved.delete(key);
      restored.current = false;
      setValueState((cur) => {
        const next = to === undefined ? cur : to;
        setBase(next);
        return next;
      });
    },
    [key],
  );

  useEffect(() => {
    if (!dirty) {
      removeDraft(key);
      unsaved.delete(key);
      return;
    }
    writeDraft(key, value);
    unsaved.set(key, () => {
      removeDraft(key);
      unsaved.delete(key);
    });
  }, [dirty, key, value, valueText]);

  // Leaving the page (after the guard let it go) takes the form off the unsaved list; the draft itself stays for a
  // reload unless it was discarded.
  useEffect(() => () => void unsaved.delete(key), [key]);

  const load = useCallback((saved: T) => {
    setBase(saved);
    if (!restored.current) setValueState(saved);
  }, []);

  const setValue = useCallback((next: SetStateAction<T>) => setValueState(next), []);
  const discard = useCallback(() => clear(base), [clear, base]);
  return [value, setValue, { dirty, restored: restored.current, load, clear, discard }];
}
