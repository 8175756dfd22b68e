import { useCallback, useLayoutEffect, useRef, useState } from 'react';

export interface DraftOptions<T> {
  format(value: T): string;
  parse(text: string): T;
  equals(a: T, b: T): boolean;
  commit(value: T): void;
}

/**
 * Local text for a field bound to a value in the Y.Doc. Each change is committed at once (peers
 * see it keystroke by keystroke), but the field keeps its own text while the stored value is the
 * one it wrote, so the caret never jumps. When the stored value becomes something else (a peer,
 * undo, a clamp), the field shows it. On blur the text is normalised to the stored value.
 */
export function useDraft<T>(value: T, options: DraftOptions<T>) {
  const { format, parse, equals, commit } = options;
  const [text, setText] = useState(() => format(value));
  const written = useRef(value);

  useLayoutEffect(() => {
    if (!equals(value, written.current)) {
      written.current = value;
      setText(format(value));
    }
  }, [value, equals, format]);

  const onChange = useCallback(
    (next: string) => {
      setText(next);
      const parsed = parse(next);
      written.current = parsed;
      if (!equals(parsed, value)) commit(parsed);
    },
    [parse, equals, commit, value],
  );

  const onBlur = useCallback(() => {
    written.current = value;
    setText(format(value));
  }, [format, value]);

  return { text, onChange, onBlur };
}

const identity = (s: string) => s;
const same = (a: string, b: string) => a === b;

/** useDraft for a plain string. */
export function useTextDraft(value: string, commit: (value: string) => void) {
  return useDraft(value, { format: identity, parse: identity, equals: same, commit });
}
