import type { TextareaHTMLAttributes } from 'react';

/** What useDraft / useTextDraft hand back: the text being typed, and when to write it. */
export interface TextDraft {
  text: string;
  onChange(text: string): void;
  onBlur(): void;
}

type DraftTextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'onBlur'> & { draft: TextDraft };

/** A panel's multi-line field over a draft: typing stays local, leaving the field writes it. */
export function DraftTextarea({ draft, className, ...rest }: DraftTextareaProps) {
  return (
    <textarea
      {...rest}
      className={`pn-input pn-textarea${className ? ` ${className}` : ''}`}
      value={draft.text}
      onChange={(e) => draft.onChange(e.target.value)}
      onBlur={draft.onBlur}
    />
  );
}
