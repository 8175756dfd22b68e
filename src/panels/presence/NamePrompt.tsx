import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './presence.css';

export interface NamePromptProps {
  /** the name others see now (the guest name made from the identity id) */
  currentName: string;
  /** the person chose a name (trimmed, not empty) */
  onName(name: string): void;
  /** the person closed the prompt keeping `currentName`; it is not shown again on this device */
  onSkip(): void;
}

/**
 * Asks someone who just opened a share link what others should call them. Not modal: the map
 * stays usable behind it (nobody has to answer before looking), and it takes no focus, so
 * keyboard shortcuts keep working until the person clicks into it.
 */
export function NamePrompt({ currentName, onName, onSkip }: NamePromptProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const titleId = useId();
  const inputId = useId();
  return (
    <form
      className="name-prompt"
      role="dialog"
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        const chosen = name.trim();
        if (chosen) onName(chosen);
        else onSkip();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onSkip();
        // typing a name must not fire the editor's shortcuts
        event.stopPropagation();
      }}
    >
      <h2 id={titleId}>{t('sharing.namePrompt.title')}</h2>
      <p>{t('sharing.namePrompt.hint', { name: currentName })}</p>
      <label htmlFor={inputId}>{t('sharing.namePrompt.label')}</label>
      <div className="name-prompt-row">
        <input id={inputId} type="text" value={name} maxLength={60} placeholder={currentName} autoComplete="name" onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button-primary">
          {t('sharing.namePrompt.save')}
        </button>
      </div>
      <button type="button" className="name-prompt-skip" onClick={onSkip}>
        {t('sharing.namePrompt.skip', { name: currentName })}
      </button>
    </form>
  );
}
