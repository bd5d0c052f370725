// An office fingerprint as people read it aloud: groups of four in a monospace face, with clear gaps between groups.
import { Fragment } from 'react';

interface Props {
  value: string;
}

export function Fingerprint({ value }: Props) {
  const groups = value.split(/[-\s]+/).filter(Boolean);
  return (
    <code className="fingerprint">
      {groups.map((group, i) => (
        <Fragment key={i}>
          {i > 0 && ' '}
          <span className="fingerprint-group">{group}</span>
        </Fragment>
      ))}
    </code>
  );
}
