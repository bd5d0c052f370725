// Runs one call to the main process for a form: keeps its field errors and message when refused.
import { useState } from 'react';
import { toApiError } from '../../api/api-error';

export interface Action {
  errors: Record<string, string>;
  message: string | null;
  busy: boolean;
  run(fn: () => Promise<unknown>): Promise<boolean>;
}

export function useAction(): Action {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return {
    errors,
    message,
    busy,
    async run(fn) {
      if (busy) return false;
      setBusy(true);
      setMessage(null);
      try {
        await fn();
        setErrors({});
        return true;
      } catch (err) {
        const e = toApiError(err);
        setErrors(e.fields ?? {});
        setMessage(e.message);
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}

/** Enter in a one-line field never sends a form: people finish with the button (or Tab on). */
export function noEnterSubmit(event: React.KeyboardEvent<HTMLFormElement>): void {
  if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') event.preventDefault();
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert">
      <p>{message}</p>
    </div>
  );
}
