import { useLayoutEffect, useRef, type TextareaHTMLAttributes } from 'react';
import type * as Y from 'yjs';
import { LIMITS } from '../../model/limits';
import { cardBody, setCardBody } from '../../model/ops';
import { transformIndex } from './logic';

interface BodyFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue' | 'onChange'> {
  doc: Y.Doc;
  cardId: string;
  /** the body as plain text, shown while the card has no shared text yet */
  body: string;
}

/**
 * A textarea bound to a card's body Y.Text. Typing writes a minimal diff (setCardBody); a change
 * from elsewhere (a peer, undo) replaces the text and carries the caret across it.
 */
export function BodyField({ doc, cardId, body, ...rest }: BodyFieldProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);
  const ytext = cardBody(doc, cardId);
  const plain = ytext ? null : body;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const current = ytext ? ytext.toString() : (plain ?? '');
    if (el.value !== current) el.value = current;
    if (!ytext) return;
    const onChange = (event: Y.YTextEvent) => {
      const next = ytext.toString();
      if (el.value === next) return; // our own keystroke coming back
      const focused = el.ownerDocument.activeElement === el;
      const { selectionStart, selectionEnd, selectionDirection, scrollTop } = el;
      el.value = next;
      if (focused) {
        const clamp = (i: number) => Math.min(Math.max(0, i), next.length);
        el.setSelectionRange(
          clamp(transformIndex(selectionStart, event.delta)),
          clamp(transformIndex(selectionEnd, event.delta)),
          selectionDirection,
        );
      }
      el.scrollTop = scrollTop;
    };
    ytext.observe(onChange);
    return () => ytext.unobserve(onChange);
  }, [ytext, plain]);

  const write = (el: HTMLTextAreaElement) => setCardBody(doc, cardId, el.value);

  return (
    <textarea
      {...rest}
      ref={ref}
      defaultValue={body}
      maxLength={LIMITS.cardBody}
      onChange={(e) => {
        if (!composing.current) write(e.currentTarget);
      }}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={(e) => {
        composing.current = false;
        write(e.currentTarget);
      }}
    />
  );
}
