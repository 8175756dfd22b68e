import type { Node, NodeProps } from '@xyflow/react';
import { EyeOff, Filter } from 'lucide-react';
import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { avatarInk, personaInitials } from '../../model/personaHeader';
import { useCardSearch } from '../../store/cardSearch';
import { useEditor } from '../../store/editorStore';
import { requestOpenPersona, setPersonaHeaderHidden } from '../../store/personaHeader';
import type { PersonaNodeData } from '../buildNodes';

/** Opens the persona in the side panel's Personas tab (showing the panel if it was hidden). */
function openPersona(id: string) {
  requestOpenPersona(id);
  useEditor.getState().setPanel('personas');
}

/** Card search narrowed to this persona's cards, or back to all when it already is. */
function togglePersonaSearch(id: string) {
  useCardSearch.setState((s) => {
    const only = s.open && s.filter.personaIds.length === 1 && s.filter.personaIds[0] === id;
    return { open: true, filter: { ...s.filter, personaIds: only ? [] : [id] } };
  });
}

/**
 * One persona in the header above the map: an initials avatar in its colour, name, age, role
 * and quote (two lines; the whole quote on hover or focus, when the card grows over the map).
 * A click opens it in the side panel; the filter button shows only its cards.
 */
export const PersonaHeaderNode = memo(function PersonaHeaderNode({ data }: NodeProps<Node<PersonaNodeData, 'persona'>>) {
  const { t } = useTranslation();
  const { persona } = data;
  const filtered = useCardSearch((s) => s.open && s.filter.personaIds.length === 1 && s.filter.personaIds[0] === persona.id);
  const name = persona.name.trim() || t('canvas.personaHeader.unnamed');
  const age = persona.age.trim();
  const role = persona.role.trim();
  const quote = persona.quote.trim();
  // the button is named for what it does; its text (age, role, quote) is read as its description
  const details = useId();
  return (
    <div className="persona-card" data-persona-id={persona.id} style={{ '--persona-color': persona.color } as React.CSSProperties}>
      <button type="button" className="persona-card-main" aria-label={t('canvas.personaHeader.open', { name })} aria-describedby={details} onClick={() => openPersona(persona.id)}>
        <span className="persona-avatar" style={{ background: persona.color, color: avatarInk(persona.color) }} aria-hidden="true">
          {personaInitials(persona.name)}
        </span>
        <span className="persona-text" id={details}>
          <span className="persona-name-line">
            <span className="persona-name">{name}</span>
            {age && <span className="persona-age">{t('canvas.personaHeader.age', { age })}</span>}
          </span>
          {role && <span className="persona-role">{role}</span>}
          {quote && <span className="persona-quote">{t('canvas.personaHeader.quote', { quote })}</span>}
        </span>
      </button>
      <button
        type="button"
        className="persona-filter"
        aria-pressed={filtered}
        aria-label={t('canvas.personaHeader.filter', { name })}
        title={t('canvas.personaHeader.filter', { name })}
        onClick={() => togglePersonaSearch(persona.id)}
      >
        <Filter size={14} aria-hidden="true" />
      </button>
    </div>
  );
});

/** The header's label in the lane-header column, with the button that hides the band. */
export const PersonaLabelNode = memo(function PersonaLabelNode() {
  const { t } = useTranslation();
  return (
    <div className="persona-label">
      <span className="persona-label-text">{t('canvas.personaHeader.label')}</span>
      <button
        type="button"
        className="header-menu"
        aria-label={t('canvas.personaHeader.hide')}
        title={t('canvas.personaHeader.hide')}
        onClick={() => setPersonaHeaderHidden(true)}
      >
        <EyeOff size={16} aria-hidden="true" />
      </button>
    </div>
  );
});
