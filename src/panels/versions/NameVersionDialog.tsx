import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../actions';
import { VERSION_LIMITS } from '../../model/versions';
import { useEditor } from '../../store/editorStore';
import { useVersionPreview } from '../../store/versionPreview';
import '../panels.css';
import './versions.css';

/**
 * "Name a version…" (Ctrl+Alt+S): a name, required, at most `VERSION_LIMITS.name` characters,
 * for the map as it is now. Shown while `editor.dialog === 'nameVersion'` to those who may edit
 * the map; saving shows the version at the top of the history panel.
 */
export function NameVersionDialog() {
  const open = useEditor((s) => s.dialog === 'nameVersion' && !s.readOnly);
  const history = useVersionPreview((s) => s.history);
  return open && history ? <NameVersionForm /> : null;
}

function NameVersionForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [tried, setTried] = useState(false);
  const [state, setState] = useState<'editing' | 'saving' | 'failed'>('editing');
  const input = useRef<HTMLInputElement>(null);
  const ids = { input: useId(), hint: useId(), error: useId() };
  const close = () => useEditor.getState().setDialog(null);
  const trimmed = name.trim();
  const missing = tried && trimmed === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const history = useVersionPreview.getState().history;
    if (trimmed === '' || !history || state === 'saving') {
      input.current?.focus();
      return;
    }
    setState('saving');
    try {
      await history.create(trimmed.slice(0, VERSION_LIMITS.name), useEditor.getState().identity?.name ?? '');
    } catch {
      setState('failed');
      return;
    }
    const editor = useEditor.getState();
    editor.setDialog(null);
    // the new version at the top of the list says it was saved
    editor.setPanel('versions');
  };

  const left = VERSION_LIMITS.name - name.length;
  return (
    <ModalDialog title={t('versions.nameDialog.title')} closeLabel={t('versions.nameDialog.close')} onClose={close} className="vh-dialog" initialFocus={input} busy={state === 'saving'}>
      <form className="vh-dialog-body" onSubmit={(e) => void submit(e)} noValidate>
        <div className="pn-field">
          <label className="pn-label" htmlFor={ids.input}>
            {t('versions.nameDialog.label')}
          </label>
          <input
            ref={input}
            id={ids.input}
            className="pn-input pn-input-title"
            value={name}
            maxLength={VERSION_LIMITS.name}
            placeholder={t('versions.nameDialog.placeholder')}
            required
            aria-invalid={missing || undefined}
            aria-describedby={`${ids.hint}${missing ? ` ${ids.error}` : ''}`}
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
          />
          {missing && (
            <p id={ids.error} className="vh-field-error" role="alert">
              {t('versions.nameDialog.required')}
            </p>
          )}
          <p id={ids.hint} className="pn-hint">
            {t('versions.nameDialog.hint')}
            {left <= 20 && <> {t('versions.nameDialog.left', { count: left })}</>}
          </p>
        </div>
        {state === 'failed' && (
          <p className="vh-field-error" role="alert">
            {t('versions.nameDialog.failed')}
          </p>
        )}
        <div className="vh-dialog-actions">
          <button type="button" className="pn-button" onClick={close} disabled={state === 'saving'}>
            {t('versions.nameDialog.cancel')}
          </button>
          <button type="submit" className="pn-button pn-button-primary" disabled={state === 'saving'}>
            {state === 'saving' ? t('versions.nameDialog.saving') : t('versions.nameDialog.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
