import { ArrowLeft, ArrowRight, ChevronLeft, ChevronRight, ExternalLink, Pencil, Plus, Quote, Trash2, UsersRound } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { avatarInk, personaInitials } from '../../../model/personaHeader';
import { personaJourneys, type PersonaJourney } from '../../../model/space/personaJourneys';
import type { LibraryPersonaDraft } from '../../../model/space/ops';
import { SPACE_LIMITS, type LibraryPersona } from '../../../model/space/types';
import { useSpaces, type SpaceJourney, type SpaceState } from '../../../store/spaces';
import { PALETTE } from '../../fields';
import { personaPageHref, usePersonaPage } from './address';
import { EmotionCurve } from './EmotionCurves';
import { PersonaFormDialog } from './PersonaFormDialog';
import './personas.css';

/**
 * A team space's persona library (issue 16 item 4): the personas as cards; the owner and edit
 * links add, edit, reorder and delete them (every map using one follows), comment and view links
 * read them. A card opens the persona's page: every journey of the space the persona appears in,
 * with their emotion curves side by side. Everything shown comes from peers and renders as text.
 */
export function SpacePersonas({ state, onOpenMap }: { state: SpaceState; onOpenMap(mapId: string): void }) {
  const { space, index, revision } = state;
  const journeys = useSpaceJourneys(space.id, revision, index.maps);
  const [pageId, setPageId] = usePersonaPage();
  const pagePersona = pageId ? (index.personas.find((p) => p.id === pageId) ?? null) : null;
  if (pageId !== null) return <PersonaPage persona={pagePersona} journeys={journeys} onBack={() => setPageId(null)} onOpenMap={onOpenMap} />;
  return <PersonaList state={state} journeys={journeys} onOpen={setPageId} />;
}

/** Every map of the space this device holds, read again whenever newer content was stored or the index changed. */
function useSpaceJourneys(spaceId: string, revision: number, maps: SpaceState['index']['maps']): SpaceJourney[] | null {
  const service = useSpaces((s) => s.service);
  const [journeys, setJourneys] = useState<SpaceJourney[] | null>(null);
  useEffect(() => {
    let current = true;
    if (!service) return;
    service.loadJourneys(spaceId).then(
      (read) => current && setJourneys(read),
      () => current && setJourneys([]),
    );
    return () => {
      current = false;
    };
  }, [service, spaceId, revision, maps]);
  return journeys;
}

function PersonaList({ state, journeys, onOpen }: { state: SpaceState; journeys: SpaceJourney[] | null; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const service = useSpaces((s) => s.service);
  const { space, index } = state;
  const personas = index.personas;
  const mayEdit = space.role === 'owner' || space.role === 'edit';
  const [editing, setEditing] = useState<LibraryPersona | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const usedIn = useMemo(() => {
    const counts = new Map<string, number>();
    if (!journeys) return counts;
    for (const persona of personas) counts.set(persona.id, personaJourneys({ libraryId: persona.id }, journeys).length);
    return counts;
  }, [journeys, personas]);
  const nextColor = useMemo(() => {
    const used = new Set(personas.map((p) => p.color.toLowerCase()));
    return (PALETTE.find((c) => !used.has(c.hex)) ?? PALETTE[personas.length % PALETTE.length]!).hex;
  }, [personas]);

  const run = (action: () => unknown) => {
    setError(null);
    try {
      action();
    } catch {
      setError(t('personaLibrary.list.refused'));
    }
  };
  const save = (draft: LibraryPersonaDraft) => {
    if (!service) return;
    run(() => {
      if (editing === 'new') {
        if (service.addLibraryPersona(space.id, draft) === null) setError(t('personaLibrary.list.full', { max: SPACE_LIMITS.libraryPersonas }));
      } else if (editing) service.updateLibraryPersona(space.id, editing.id, draft);
    });
    setEditing(null);
  };
  const move = (i: number, direction: -1 | 1) => {
    const persona = personas[i]!;
    // before the one two places down moves it one down; to the end when it becomes the last
    const beforeId = direction === -1 ? personas[i - 1]!.id : (personas[i + 2]?.id ?? null);
    run(() => service?.moveLibraryPersona(space.id, persona.id, beforeId));
  };
  const remove = (persona: LibraryPersona) => {
    if (!window.confirm(t('personaLibrary.list.deleteConfirm', { name: persona.name || t('personaLibrary.unnamed') }))) return;
    run(() => service?.deleteLibraryPersona(space.id, persona.id));
  };

  return (
    <section className="lib-personas" aria-labelledby="lib-personas-heading">
      <div className="lib-personas-head">
        <div>
          <h2 id="lib-personas-heading">{t('personaLibrary.list.heading')}</h2>
          <p>{mayEdit ? t('personaLibrary.list.intro') : t('personaLibrary.list.introReadOnly')}</p>
        </div>
        {mayEdit && (
          <button type="button" className="lib-button-primary" onClick={() => setEditing('new')} aria-haspopup="dialog" disabled={personas.length >= SPACE_LIMITS.libraryPersonas}>
            <Plus size={16} aria-hidden="true" />
            {t('personaLibrary.list.add')}
          </button>
        )}
      </div>
      {error && (
        <p className="lib-inline-error" role="alert">
          {error}
        </p>
      )}
      {personas.length === 0 ? (
        <div className="lib-noresults">
          <UsersRound size={28} aria-hidden="true" />
          <h2>{t('personaLibrary.list.emptyTitle')}</h2>
          <p>{mayEdit ? t('personaLibrary.list.emptyBody') : t('personaLibrary.list.emptyBodyReadOnly')}</p>
        </div>
      ) : (
        <ul className="lib-persona-grid" aria-label={t('personaLibrary.list.label')}>
          {personas.map((persona, i) => {
            const name = persona.name || t('personaLibrary.unnamed');
            const count = usedIn.get(persona.id);
            return (
              <li key={persona.id} className="lib-persona-card" data-persona-id={persona.id}>
                <div className="lib-persona-card-head">
                  <Avatar persona={persona} size="md" />
                  <div className="lib-persona-card-title">
                    <h3>
                      <a
                        href={personaPageHref(persona.id)}
                        className="lib-persona-open"
                        onClick={(event) => {
                          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                          event.preventDefault();
                          onOpen(persona.id);
                        }}
                      >
                        {name}
                      </a>
                    </h3>
                    <p className="lib-persona-meta">{[persona.age && t('personaLibrary.age', { age: persona.age }), persona.role].filter(Boolean).join(' · ') || '\u00a0'}</p>
                  </div>
                </div>
                {persona.quote && (
                  <blockquote className="lib-persona-quote">
                    <Quote size={14} aria-hidden="true" />
                    <span>{persona.quote}</span>
                  </blockquote>
                )}
                <PersonaLists persona={persona} compact />
                <div className="lib-persona-card-foot">
                  <a
                    href={personaPageHref(persona.id)}
                    className="lib-persona-used"
                    aria-label={t('personaLibrary.list.openPage', { name })}
                    onClick={(event) => {
                      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                      event.preventDefault();
                      onOpen(persona.id);
                    }}
                  >
                    {count === undefined ? t('personaLibrary.list.journeys') : t('personaLibrary.list.usedIn', { count })}
                    <ArrowRight size={13} aria-hidden="true" />
                  </a>
                  {mayEdit && (
                    <span className="lib-persona-tools">
                      <button type="button" className="lib-icon-button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('personaLibrary.list.moveUp', { name })} title={t('personaLibrary.list.moveUp', { name })}>
                        <ChevronLeft size={16} aria-hidden="true" />
                      </button>
                      <button type="button" className="lib-icon-button" onClick={() => move(i, 1)} disabled={i === personas.length - 1} aria-label={t('personaLibrary.list.moveDown', { name })} title={t('personaLibrary.list.moveDown', { name })}>
                        <ChevronRight size={16} aria-hidden="true" />
                      </button>
                      <button type="button" className="lib-icon-button" onClick={() => setEditing(persona)} aria-haspopup="dialog" aria-label={t('personaLibrary.list.edit', { name })} title={t('personaLibrary.list.edit', { name })}>
                        <Pencil size={15} aria-hidden="true" />
                      </button>
                      <button type="button" className="lib-icon-button lib-persona-delete" onClick={() => remove(persona)} aria-label={t('personaLibrary.list.delete', { name })} title={t('personaLibrary.list.delete', { name })}>
                        <Trash2 size={15} aria-hidden="true" />
                      </button>
                    </span>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {mayEdit && <PersonaFormDialog open={editing !== null} persona={editing === 'new' ? null : editing} defaultColor={nextColor} onSave={save} onClose={() => setEditing(null)} />}
    </section>
  );
}

function Avatar({ persona, size }: { persona: LibraryPersona; size: 'md' | 'lg' }) {
  return (
    <span className={`lib-persona-avatar is-${size}`} style={{ background: persona.color, color: avatarInk(persona.color) }} aria-hidden="true">
      {personaInitials(persona.name)}
    </span>
  );
}

function PersonaLists({ persona, compact = false }: { persona: LibraryPersona; compact?: boolean }) {
  const { t } = useTranslation();
  const shown = (items: string[]) => (compact ? items.slice(0, 3) : items);
  const more = (items: string[]) => (compact && items.length > 3 ? items.length - 3 : 0);
  return (
    <div className={`lib-persona-lists${compact ? ' is-compact' : ''}`}>
      {(['goals', 'frustrations'] as const).map((key) =>
        persona[key].length === 0 ? null : (
          <div key={key} className={`lib-persona-list is-${key}`}>
            <h4>{t(`personaLibrary.fields.${key}`)}</h4>
            <ul>
              {shown(persona[key]).map((item, i) => (
                <li key={i}>{item}</li>
              ))}
              {more(persona[key]) > 0 && <li className="lib-persona-more">{t('personaLibrary.list.more', { count: more(persona[key]) })}</li>}
            </ul>
          </div>
        ),
      )}
    </div>
  );
}

function PersonaPage({ persona, journeys, onBack, onOpenMap }: { persona: LibraryPersona | null; journeys: SpaceJourney[] | null; onBack(): void; onOpenMap(mapId: string): void }) {
  const { t } = useTranslation();
  const rows: PersonaJourney[] | null = useMemo(() => (persona && journeys ? personaJourneys({ libraryId: persona.id }, journeys) : null), [persona, journeys]);
  const back = (
    <button type="button" className="lib-link-button lib-persona-back" onClick={onBack}>
      <ArrowLeft size={15} aria-hidden="true" />
      {t('personaLibrary.page.back')}
    </button>
  );
  if (!persona) {
    return (
      <section className="lib-persona-page">
        {back}
        <div className="lib-noresults">
          <h2>{t('personaLibrary.page.notFoundTitle')}</h2>
          <p>{t('personaLibrary.page.notFoundBody')}</p>
        </div>
      </section>
    );
  }
  const name = persona.name || t('personaLibrary.unnamed');
  return (
    <section className="lib-persona-page" aria-labelledby="lib-persona-page-heading">
      {back}
      <header className="lib-persona-profile">
        <Avatar persona={persona} size="lg" />
        <div className="lib-persona-profile-main">
          <h2 id="lib-persona-page-heading">{name}</h2>
          <p className="lib-persona-meta">{[persona.age && t('personaLibrary.age', { age: persona.age }), persona.role].filter(Boolean).join(' · ')}</p>
          {persona.quote && (
            <blockquote className="lib-persona-quote">
              <Quote size={14} aria-hidden="true" />
              <span>{persona.quote}</span>
            </blockquote>
          )}
        </div>
        <PersonaLists persona={persona} />
      </header>

      <div className="lib-persona-journeys-head">
        <h3>{t('personaLibrary.page.journeys', { count: rows?.length ?? 0 })}</h3>
        {rows && rows.length > 0 && (
          <p className="lib-persona-legend">
            <span className="lib-persona-legend-own" style={{ borderColor: persona.color }} />
            {t('personaLibrary.page.legendOwn', { name })}
            <span className="lib-persona-legend-map" />
            {t('personaLibrary.page.legendMap')}
          </p>
        )}
      </div>
      {rows === null ? (
        <p className="lib-persona-loading" role="status">
          {t('personaLibrary.page.loading')}
        </p>
      ) : rows.length === 0 ? (
        <div className="lib-noresults">
          <h2>{t('personaLibrary.page.noJourneysTitle')}</h2>
          <p>{t('personaLibrary.page.noJourneysBody')}</p>
        </div>
      ) : (
        <ol className="lib-persona-journeys">
          {rows.map((row) => (
            <li key={row.mapId} className="lib-persona-journey" data-map-id={row.mapId}>
              <div className="lib-persona-journey-title">
                <button type="button" className="lib-persona-journey-open" onClick={() => onOpenMap(row.mapId)}>
                  <span>{row.title || t('personaLibrary.page.untitledMap')}</span>
                  <ExternalLink size={14} aria-hidden="true" />
                </button>
                <span className="lib-persona-journey-meta">{journeySummary(t, row, name)}</span>
              </div>
              <EmotionCurve journey={row} color={persona.color} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** "8 stages · feelings of Julia at 3 · low point: Complaint (−3)": the persona's own scores where there are some, else the map's. */
function journeySummary(t: (key: string, options?: Record<string, unknown>) => string, row: PersonaJourney, name: string): string {
  const own = row.stages.some((s) => s.personaScore !== null);
  const scored = row.stages.map((s) => ({ name: s.name, score: own ? s.personaScore : s.score })).filter((s): s is { name: string; score: number } => s.score !== null);
  const parts = [t('personaLibrary.page.stages', { count: row.stages.length })];
  if (own) parts.push(t('personaLibrary.page.ownAt', { name, count: scored.length }));
  if (scored.length > 0) {
    const lowest = scored.reduce((a, b) => (b.score < a.score ? b : a));
    if (lowest.score < 0) parts.push(t('personaLibrary.page.lowest', { stage: lowest.name || t('personaLibrary.page.unnamedStage'), score: `−${Math.abs(lowest.score)}` }));
  }
  return parts.join(' · ');
}
