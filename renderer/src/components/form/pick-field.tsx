// A file or folder chosen through the desktop's native dialog: the field's label, a hint (what has been chosen), the
// button that opens the dialog, and its error. The button keeps its own text as its name ("选择文件…").
import { useId } from 'react';

interface Props {
  label: string;
  hint?: string;
  error?: string | undefined;
  button: string;
  disabled?: boolean;
  onPick: () => void;
}

export function PickField({ label, hint, error, button, disabled, onPick }: Props) {
  const id = useId();
  const describedBy = [`${id}-label`, hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field has-error' : 'field'} role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="field-label">
        {label}
      </span>
      {hint && (
        <div id={`${id}-hint`} className="field-hint">
          {hint}
        </div>
      )}
      <button type="button" className="button" disabled={disabled} aria-describedby={describedBy} onClick={onPick}>
        {button}
      </button>
      {error && (
        <div id={`${id}-error`} className="field-error">
          {error}
        </div>
      )}
    </div>
  );
}
