// A new password and its repetition, with the rule as a hint: the same pair wherever a password is set.
import { Field } from './field';

interface Props {
  /** The first field's label; the second is 「确认」 + it. */
  label: string;
  hint: string;
  password: string;
  confirm: string;
  errors: { password?: string | undefined; confirm?: string | undefined };
  onChange: (field: 'password' | 'confirm', value: string) => void;
  /** Autocomplete hint for the browser: a new password is never filled in from a saved one. */
  name?: string;
}

export function PasswordPair({
  label,
  hint,
  password,
  confirm,
  errors,
  onChange,
  name = 'new-password',
}: Props) {
  return (
    <>
      <Field label={label} hint={hint} error={errors.password}>
        <input
          name={name}
          type="password"
          autoComplete="new-password"
          className="input input-password"
          value={password}
          onChange={(e) => onChange('password', e.target.value)}
        />
      </Field>
      <Field label={`确认${label}`} error={errors.confirm}>
        <input
          name={`${name}-confirm`}
          type="password"
          autoComplete="new-password"
          className="input input-password"
          value={confirm}
          onChange={(e) => onChange('confirm', e.target.value)}
        />
      </Field>
    </>
  );
}
