import { useLayoutEffect, useRef, type InputHTMLAttributes } from 'react';

interface TriCheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'checked'> {
  checked: boolean | 'mixed';
}

/** A checkbox that can show "some of the selection" (the native indeterminate state). */
export function TriCheckbox({ checked, ...rest }: TriCheckboxProps) {
  const ref = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (ref.current) ref.current.indeterminate = checked === 'mixed';
  }, [checked]);
  return <input {...rest} ref={ref} type="checkbox" checked={checked === true} />;
}
