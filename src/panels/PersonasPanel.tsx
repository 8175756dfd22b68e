import { BookUp, ChevronDown, ChevronUp, Highlighter, Plus, Trash2, Users } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useShallow } from 'zustand/react/shallow';
import { LIMITS } from '../model/limits';
import { SPACE_LIMITS } from '../model/space/types';
import { addPersona, deletePersona, movePersona, unlinkPersona, updatePersona, type PersonaPatch } from '../model/ops';
import { addPersonaFromLibrary, linkPersona } from '../model/ops/libraryPersonas';
import { avatarInk, personaInitials } from '../model/personaHeader';
import type { LibraryPersona } from '../model/space/types';
import type { Persona } from '../model/types';
import { useEditor } from '../store/editorStore';
import { requestOpenPersona, setPersonaHeaderHidden, usePersonaHeader } from '../store/personaHeader';
import { useSpacePersonas } from '../store/spacePersonas';
import { useSpaces } from '../store/spaces';
import { ColorField, useShortcutLabel, formatLines, neighbourIndex, parseLines, personaCardCounts, sameList, PALETTE, DraftTextarea, useDraft, useTextDraft } from './fields';
import './panels.css';

const NO_PERSONAS: Persona[] = [];

/**
 * The map's personas: a list to reorder and highlight on the canvas, and an editor for the one
 * that is open. Every change is an operation on the Y.Doc, so Ctrl/⌘+Z undoes it.
 */
export function PersonasPanel() {
  const { t } = useTranslation();
  const shortcutLabel = useShortcutLabel();
  const doc = useEditor((s) => s.session?.doc ?? null);
  const personas = useEditor(useShallow((s) => s.journey?.personas ?? NO_PERSONAS));
  const counts = useEditor(useShallow((s) => personaCardCounts(s.journey?.cards ?? [])));
  const filter = useEditor((s) => s.personaFilter);
  const [openId, setOpenId] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const [focusAfterMove, setFocusAfterMove] = useState<{ id: string; direction: -1 | 1 } | null>(null);
  const [focusName, setFocusName] = useState<string | null>(null);
  const moveButtons = useRef(new Map<string, HTMLButtonElement>());
  const headingId = useId();
  const listId = useId();
  const headerShown = usePersonaHeader((s) => !s.hidden);
  const openRequest = usePersonaHeader((s) => s.openRequest);

  // a persona clicked in the canvas's header opens here, in view
  useEffect(() => {
    if (!openRequest) return;
    requestOpenPersona(null);
    if (!personas.some((p) => p.id === openRequest)) return;
    setOpenId(openRequest);
    setFocusName(null);
    requestAnimationFrame(() => document.getElementById(`${listId}-${openRequest}`)?.closest('li')?.scrollIntoView({ block: 'nearest' }));
  }, [openRequest, personas, listId]);

  // a moved row is re-inserted in the DOM, which drops focus: give it back to its arrow button
  useEffect(() => {
    if (!focusAfterMove) return;
    const { id, direction } = focusAfterMove;
    const same = moveButtons.current.get(`${id}:${direction}`);
    const other = moveButtons.current.get(`${id}:${-direction}`);
    (same && !same.disabled ? same : other)?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove, personas]);

  if (!doc) return null;

  const add = () => {
    const used = new Set(personas.map((p) => p.color.toLowerCase()));
    const color = (PALETTE.find((c) => !used.has(c.hex)) ?? PALETTE[personas.length % PALETTE.length]!).hex;
    const id = addPersona(doc, { name: t('panels.personas.newName'), color });
    setOpenId(id);
    setFocusName(id);
    setDeleted(null);
  };
  const move = (persona: Persona, position: number, direction: -1 | 1) => {
    const index = neighbourIndex(position, direction, personas.length);
    if (index === null) return;
    movePersona(doc, persona.id, index);
    setFocusAfterMove({ id: persona.id, direction });
  };
  const remove = (persona: Persona) => {
    if (filter === persona.id) useEditor.getState().setPersonaFilter(null);
    deletePersona(doc, persona.id);
    setOpenId(null);
    setDeleted(persona.name || t('panels.personas.unnamed'));
  };

  return (
    <section className="pn-panel" aria-labelledby={headingId}>
      <header className="pn-head">
        <h2 id={headingId}>{t('panels.personas.heading')}</h2>
        <button type="button" className="pn-button pn-button-primary" onClick={add} disabled={personas.length >= LIMITS.personas}>
          <Plus size={16} aria-hidden="true" />
          {t('panels.personas.add')}
        </button>
      </header>
      <div className="pn-body">
        <p className="pn-hint">{t('panels.personas.intro')}</p>
        {personas.length > 0 && (
          <label className="pn-check">
            <input type="checkbox" checked={headerShown} onChange={(e) => setPersonaHeaderHidden(!e.target.checked)} />
            {t('panels.personas.showHeader')}
          </label>
        )}
        <TeamLibraryChoices
          doc={doc}
          mapPersonas={personas}
          onAdded={(id) => {
            setOpenId(id);
            setFocusName(null);
            setDeleted(null);
          }}
        />
        {personas.length === 0 ? (
          <p className="pn-empty-line">{t('panels.personas.empty')}</p>
        ) : (
          <ul className="pn-persona-list" id={listId} aria-label={t('panels.personas.list')}>
            {personas.map((p, i) => {
              const name = p.name || t('panels.personas.unnamed');
              const open = openId === p.id;
              const highlighted = filter === p.id;
              const editorId = `${listId}-${p.id}`;
              const count = counts[p.id] ?? 0;
              return (
                <li key={p.id} className={`pn-persona${open ? ' is-open' : ''}${highlighted ? ' is-highlighted' : ''}`}>
                  <div className="pn-persona-row">
                    <button
                      type="button"
                      className="pn-persona-main"
                      aria-expanded={open}
                      aria-controls={open ? editorId : undefined}
                      onClick={() => {
                        setOpenId(open ? null : p.id);
                        setFocusName(null);
                      }}
                    >
                      <span className="pn-dot pn-dot-lg" style={{ background: p.color }} aria-hidden="true" />
                      <span className="pn-persona-text">
                        <span className="pn-persona-name">{name}</span>
                        <span className="pn-persona-sub">
                          {p.role && <span className="pn-persona-role">{p.role}</span>}
                          <span className="pn-persona-count">{t('panels.personas.cardCount', { count })}</span>
                        </span>
                      </span>
                    </button>
                    <div className="pn-persona-tools">
                      <button
                        type="button"
                        className="pn-icon-button"
                        aria-pressed={highlighted}
                        aria-label={t('panels.personas.highlightOf', { name })}
                        title={t('panels.personas.highlightOf', { name })}
                        onClick={() => useEditor.getState().setPersonaFilter(highlighted ? null : p.id)}
                      >
                        <Highlighter size={16} aria-hidden="true" />
                      </button>
                      <button
                        type="button"
                        className="pn-icon-button"
                        ref={(el) => void (el ? moveButtons.current.set(`${p.id}:-1`, el) : moveButtons.current.delete(`${p.id}:-1`))}
                        disabled={i === 0}
                        aria-label={t('panels.personas.moveUp', { name })}
                        title={t('panels.personas.moveUp', { name })}
                        onClick={() => move(p, i, -1)}
                      >
                        <ChevronUp size={16} aria-hidden="true" />
                      </button>
                      <button
                        type="button"
                        className="pn-icon-button"
                        ref={(el) => void (el ? moveButtons.current.set(`${p.id}:1`, el) : moveButtons.current.delete(`${p.id}:1`))}
                        disabled={i === personas.length - 1}
                        aria-label={t('panels.personas.moveDown', { name })}
                        title={t('panels.personas.moveDown', { name })}
                        onClick={() => move(p, i, 1)}
                      >
                        <ChevronDown size={16} aria-hidden="true" />
                      </button>
                    </div>
                  </div>
                  {open && (
                    <PersonaEditor
                      key={p.id}
                      id={editorId}
                      doc={doc}
                      persona={p}
                      autoFocusName={focusName === p.id}
                      onDelete={() => remove(p)}
                      onClose={() => setOpenId(null)}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <div role="status" className="pn-status">
          {deleted && (
            <p>
              {t('panels.personas.deleted', { name: deleted })}{' '}
              <Trans i18nKey="panels.personas.restoreHint" values={{ undo: shortcutLabel('Mod+Z') }} components={{ kbd: <kbd /> }} />
            </p>
          )}
        </div>
      </div>
    </section>
  );
}

function PersonaEditor({
  id,
  doc,
  persona,
  autoFocusName,
  onDelete,
  onClose,
}: {
  id: string;
  doc: Y.Doc;
  persona: Persona;
  autoFocusName: boolean;
  onDelete(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const shortcutLabel = useShortcutLabel();
  const library = useSpacePersonas();
  const service = useSpaces((s) => s.service);
  const libraryPersona = persona.libraryId !== null ? (library.personas?.find((p) => p.id === persona.libraryId) ?? null) : null;
  // a persona that follows the team library is edited there, so every map of the space takes the change
  const editsLibrary = libraryPersona !== null && library.spaceId !== null && library.mayEditLibrary && service !== null;
  const update = (patch: PersonaPatch) => {
    if (editsLibrary) {
      try {
        service.updateLibraryPersona(library.spaceId!, libraryPersona.id, patch);
        return;
      } catch {
        // the space refused (its link changed): the map keeps the change as its own until the library writes again
      }
    }
    updatePersona(doc, persona.id, patch);
  };
  const mayShare = persona.libraryId === null && library.spaceId !== null && library.mayEditLibrary && service !== null && (library.personas?.length ?? 0) < SPACE_LIMITS.libraryPersonas;
  const saveToLibrary = () => {
    if (!mayShare) return;
    try {
      const fields = { name: persona.name, role: persona.role, age: persona.age, quote: persona.quote, goals: [...persona.goals], frustrations: [...persona.frustrations], color: persona.color };
      const id = service.addLibraryPersona(library.spaceId!, fields);
      if (id) linkPersona(doc, persona.id, { id, ...fields });
    } catch {
      // refused by the space: nothing was written
    }
  };
  const name = useTextDraft(persona.name, (value) => update({ name: value }));
  const role = useTextDraft(persona.role, (value) => update({ role: value }));
  const age = useTextDraft(persona.age, (value) => update({ age: value }));
  const quote = useTextDraft(persona.quote, (value) => update({ quote: value }));
  const goals = useDraft<readonly string[]>(persona.goals, { format: formatLines, parse: parseLines, equals: sameList, commit: (goals) => update({ goals: [...goals] }) });
  const frustrations = useDraft<readonly string[]>(persona.frustrations, {
    format: formatLines,
    parse: parseLines,
    equals: sameList,
    commit: (frustrations) => update({ frustrations: [...frustrations] }),
  });
  const ids = { name: useId(), role: useId(), age: useId(), quote: useId(), goals: useId(), frustrations: useId(), lines: useId(), del: useId(), library: useId(), share: useId() };
  const nameInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocusName) nameInput.current?.select();
  }, [autoFocusName]);
  const linesHint = t('panels.personas.onePerLine', { max: LIMITS.personaListItems });

  return (
    <div className="pn-persona-editor" id={id} role="group" aria-label={t('panels.personas.editing', { name: persona.name || t('panels.personas.unnamed') })}>
      {persona.libraryId !== null && (
        <div className="pn-field" data-testid="persona-from-library">
          <p className="pn-label">{t('panels.personas.fromLibrary')}</p>
          <p className="pn-hint" id={ids.library}>
            {editsLibrary ? t('personaLibrary.panel.editsLibrary') : t('panels.personas.fromLibraryHint')}
          </p>
          <button type="button" className="pn-button pn-field-action" aria-describedby={ids.library} onClick={() => unlinkPersona(doc, persona.id)}>
            {t('panels.personas.unlink')}
          </button>
        </div>
      )}
      <div className="pn-field">
        <label className="pn-label" htmlFor={ids.name}>
          {t('panels.personas.name')}
        </label>
        <input
          id={ids.name}
          ref={nameInput}
          className="pn-input"
          value={name.text}
          maxLength={LIMITS.name}
          autoFocus={autoFocusName}
          onChange={(e) => name.onChange(e.target.value)}
          onBlur={name.onBlur}
        />
      </div>
      <div className="pn-field">
        <label className="pn-label" htmlFor={ids.role}>
          {t('panels.personas.role')}
        </label>
        <input id={ids.role} className="pn-input" value={role.text} maxLength={LIMITS.name} onChange={(e) => role.onChange(e.target.value)} onBlur={role.onBlur} />
      </div>
      <div className="pn-field">
        <label className="pn-label" htmlFor={ids.age}>
          {t('panels.personas.age')}
        </label>
        <input
          id={ids.age}
          className="pn-input pn-input-short"
          value={age.text}
          maxLength={LIMITS.personaAge}
          placeholder={t('panels.personas.agePlaceholder')}
          onChange={(e) => age.onChange(e.target.value)}
          onBlur={age.onBlur}
        />
      </div>
      <div className="pn-field">
        <label className="pn-label" htmlFor={ids.quote}>
          {t('panels.personas.quote')}
        </label>
        <DraftTextarea id={ids.quote} rows={2} maxLength={LIMITS.personaText} draft={quote} />
      </div>
      <div className="pn-field">
        <label className="pn-label" htmlFor={ids.goals}>
          {t('panels.personas.goals')}
        </label>
        <DraftTextarea id={ids.goals} rows={3} aria-describedby={ids.lines} draft={goals} />
      </div>
      <div className="pn-field">
        <label className="pn-label" htmlFor={ids.frustrations}>
          {t('panels.personas.frustrations')}
        </label>
        <DraftTextarea id={ids.frustrations} rows={3} aria-describedby={ids.lines} draft={frustrations} />
        <p className="pn-hint" id={ids.lines}>
          {linesHint}
        </p>
      </div>
      <ColorField legend={t('panels.personas.color')} value={persona.color} allowCustom onChange={(color) => color && update({ color })} />
      {mayShare && (
        <div className="pn-field">
          <button type="button" className="pn-button pn-field-action" aria-describedby={ids.share} onClick={saveToLibrary}>
            <BookUp size={15} aria-hidden="true" />
            {t('personaLibrary.panel.save')}
          </button>
          <p className="pn-hint" id={ids.share}>
            {t('personaLibrary.panel.saveHint')}
          </p>
        </div>
      )}
      <div className="pn-editor-actions">
        <button type="button" className="pn-button pn-button-danger" onClick={onDelete} aria-describedby={ids.del}>
          <Trash2 size={15} aria-hidden="true" />
          {t('panels.personas.delete')}
        </button>
        <button type="button" className="pn-button" onClick={onClose}>
          {t('panels.personas.close')}
        </button>
      </div>
      <p className="pn-hint" id={ids.del}>
        <Trans i18nKey="panels.personas.deleteHint" values={{ undo: shortcutLabel('Mod+Z') }} components={{ kbd: <kbd /> }} />
      </p>
    </div>
  );
}

/**
 * The team space's library personas this map does not use yet, each with an "Add" (a linked copy
 * that follows the library from then on). Only while the open map is in a joined space.
 */
function TeamLibraryChoices({ doc, mapPersonas, onAdded }: { doc: Y.Doc; mapPersonas: readonly Persona[]; onAdded(id: string): void }) {
  const { t } = useTranslation();
  const { spaceId, personas } = useSpacePersonas();
  const headingId = useId();
  if (spaceId === null || personas === null) return null;
  const used = new Set(mapPersonas.map((p) => p.libraryId).filter((id): id is string => id !== null));
  const choices = personas.filter((p) => !used.has(p.id));
  const full = mapPersonas.length >= LIMITS.personas;
  return (
    <section className="pn-team-library" aria-labelledby={headingId} data-testid="team-library-choices">
      <h3 id={headingId} className="pn-label">
        <Users size={14} aria-hidden="true" /> {t('personaLibrary.panel.heading')}
      </h3>
      {choices.length === 0 ? (
        <p className="pn-hint">{personas.length === 0 ? t('personaLibrary.panel.libraryEmpty') : t('personaLibrary.panel.allUsed')}</p>
      ) : (
        <ul className="pn-team-library-list">
          {choices.map((p: LibraryPersona) => {
            const name = p.name || t('panels.personas.unnamed');
            return (
              <li key={p.id}>
                <span className="pn-team-avatar" style={{ background: p.color, color: avatarInk(p.color) }} aria-hidden="true">
                  {personaInitials(p.name)}
                </span>
                <span className="pn-team-name">
                  <span>{name}</span>
                  {p.role && <span className="pn-persona-role">{p.role}</span>}
                </span>
                <button
                  type="button"
                  className="pn-button"
                  disabled={full}
                  aria-label={t('personaLibrary.panel.addOne', { name })}
                  onClick={() => {
                    const id = addPersonaFromLibrary(doc, p);
                    if (id) onAdded(id);
                  }}
                >
                  <Plus size={14} aria-hidden="true" />
                  {t('personaLibrary.panel.add')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
