import { ArrowDown, ArrowUp, ChevronsUpDown, Columns3, Search, Table2, X } from 'lucide-react';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { emotionColor } from '../../../model/emotionScale';
import { LIMITS } from '../../../model/limits';
import { updateCard } from '../../../model/ops';
import {
  groupRows,
  NO_STATUS_GROUP,
  opportunityRows,
  sortRows,
  filterRows,
  type OpportunityRow,
  type OpportunitySortKey,
  type SortDirection,
} from '../../../model/opportunities';
import { isOpportunityStatus, OPPORTUNITY_STATUSES, type OpportunityStatus } from '../../../model/opportunityStatus';
import { shownPhaseName, phaseNameKey } from '../../../model/phaseNames';
import { useSpaces, type SpaceJourney, type SpaceState } from '../../../store/spaces';
import {
  boardInputs,
  emotionStep,
  isFiltered,
  mapChoices,
  NO_BOARD_FILTERS,
  personaChoices,
  toOpportunityFilter,
  withPending,
  type BoardFilters,
  type TableGrouping,
} from './boardView';
import './board.css';

/** The edit found no such card: someone deleted it in its map since the board read it. */
const CARD_GONE = 'card-gone';

/** How many rows a table section or a board column shows before "Show more". */
const PAGE = 150;

type Layout = 'table' | 'board';
type Pending = ReadonlyMap<string, { status?: OpportunityStatus | null; owner?: string }>;
type SaveNote = { key: string; title: string; state: 'saving' | 'sent' | 'kept' | 'failed'; reason?: string };

export interface OpportunityBoardProps {
  state: SpaceState;
  onOpen(mapId: string, cardId: string): void;
}

/**
 * The opportunity board of a team space (issue 16): every pain point and opportunity of every map
 * the device holds, as a sortable, filterable, groupable table or as columns by status. The maps
 * are read again when the space's index or stored content changes (`revision`), and the rows are
 * built once per read; sorting, filtering and grouping work on the rows only.
 */
export function OpportunityBoard({ state, onOpen }: OpportunityBoardProps) {
  const { t, i18n } = useTranslation();
  const service = useSpaces((s) => s.service);
  const { space, index, revision } = state;
  const mayEdit = space.role === 'owner' || space.role === 'edit';
  const locale = i18n.language;

  // ---- the maps, read from the device when the index or their stored content changes
  const [journeys, setJourneys] = useState<SpaceJourney[] | null>(null);
  const signature = useMemo(() => index.maps.map((m) => `${m.id}@${m.updatedAt}`).join(','), [index.maps]);
  useEffect(() => {
    if (!service) return;
    let current = true;
    void service.loadJourneys(space.id).then(
      (read) => current && setJourneys(read),
      () => current && setJourneys((was) => was ?? []),
    );
    return () => {
      current = false;
    };
  }, [service, space.id, signature, revision]);

  // ---- the rows: built once per read of the maps (and per language, for default phase names).
  // The index is read afresh on every publish (presence too), so it counts by what the board
  // takes from it — ids, titles, archived — not by identity.
  const entries = useRef(index.maps);
  entries.current = index.maps;
  const entriesKey = useMemo(() => index.maps.map((m) => `${m.id}\u0000${m.archived ? 1 : 0}\u0000${m.title}`).join('\u0001'), [index.maps]);
  const rows = useMemo(() => {
    if (!journeys) return null;
    const started = performance.now();
    const built = opportunityRows(boardInputs(journeys, entries.current), {
      phaseName: (phase) => shownPhaseName(phase, t(phaseNameKey(phase.id))),
    });
    performance.measure?.('waymark:opportunity-rows', { start: started, end: performance.now() });
    return built;
    // t changes with the language; entriesKey with titles and archived maps
  }, [journeys, entriesKey, t]);

  // ---- what is shown
  const [layout, setLayout] = useState<Layout>('table');
  const [filters, setFilters] = useState<BoardFilters>(NO_BOARD_FILTERS);
  const [grouping, setGrouping] = useState<TableGrouping>('none');
  const [sort, setSort] = useState<{ key: OpportunitySortKey; direction: SortDirection } | null>(null);
  const [pending, setPending] = useState<Pending>(new Map());
  const [note, setNote] = useState<SaveNote | null>(null);

  const shown = useMemo(() => {
    if (!rows) return [];
    const filtered = filterRows(rows, toOpportunityFilter(filters));
    return sort ? sortRows(filtered, sort.key, sort.direction, locale) : filtered;
  }, [rows, filters, sort, locale]);
  const choices = useMemo(() => ({ maps: mapChoices(rows ?? [], locale), personas: personaChoices(rows ?? [], locale) }), [rows, locale]);

  // a value being saved shows until the stored map says so too
  useEffect(() => {
    if (!rows || pending.size === 0) return;
    const byKey = new Map(rows.map((r) => [r.key, r]));
    let changed = false;
    const next = new Map(pending);
    for (const [key, change] of pending) {
      const row = byKey.get(key);
      if (!row || ((change.status === undefined || row.status === change.status) && (change.owner === undefined || row.owner === change.owner))) {
        next.delete(key);
        changed = true;
      }
    }
    if (changed) setPending(next);
  }, [rows, pending]);

  const save = useCallback(
    (row: OpportunityRow, change: { status?: OpportunityStatus | null; owner?: string }) => {
      if (!service || !mayEdit) return;
      const title = row.cardTitle.trim() || t('board.untitled');
      setPending((was) => new Map(was).set(row.key, { ...was.get(row.key), ...change }));
      setNote({ key: row.key, title, state: 'saving' });
      service
        .editMap(space.id, row.mapId, (doc) => {
          if (!updateCard(doc, row.cardId, change)) throw new Error(CARD_GONE);
        })
        .then(
          (outcome) => setNote((was) => (was?.key === row.key ? { key: row.key, title, state: outcome } : was)),
          (error: unknown) => {
            setPending((was) => {
              const next = new Map(was);
              next.delete(row.key);
              return next;
            });
            const status = (error as { status?: number } | null)?.status;
            const gone = error instanceof Error && error.message === CARD_GONE;
            const reason = gone ? t('board.save.cardGone') : status === 404 ? t('board.save.notOnDevice') : status === 403 ? t('board.save.notAllowed') : error instanceof Error ? error.message : String(error);
            setNote({ key: row.key, title, state: 'failed', reason });
          },
        );
    },
    [service, mayEdit, space.id, t],
  );

  // "Saved" fades after a while; "kept on this device" and failures stay until the next change
  useEffect(() => {
    if (note?.state !== 'sent') return;
    const timer = setTimeout(() => setNote((was) => (was === note ? null : was)), 5_000);
    return () => clearTimeout(timer);
  }, [note]);

  const cells = { mayEdit, pending, onSave: save, onOpen };

  if (rows === null) {
    return (
      <p className="bd-message" role="status">
        {t('board.loading')}
      </p>
    );
  }
  if (rows.length === 0) {
    return (
      <div className="lib-noresults bd-empty">
        <h2>{t('board.empty.title')}</h2>
        <p>{t('board.empty.body')}</p>
      </div>
    );
  }

  return (
    <section className="bd" aria-labelledby="bd-heading">
      <div className="bd-head">
        <div>
          <h2 id="bd-heading" className="bd-title">
            {t('board.title')}
            <span className="bd-count">{isFiltered(filters) ? t('board.countFiltered', { shown: shown.length, count: rows.length }) : t('board.count', { count: rows.length })}</span>
          </h2>
          <p className="bd-intro">{t('board.intro')}</p>
          {!mayEdit && <p className="bd-intro bd-readonly">{t('board.readOnly')}</p>}
        </div>
        <div className="bd-layout" role="group" aria-label={t('board.layout.label')}>
          {(['table', 'board'] as const).map((id) => (
            <button key={id} type="button" aria-pressed={layout === id} className="bd-layout-option" onClick={() => setLayout(id)}>
              {id === 'table' ? <Table2 size={15} aria-hidden="true" /> : <Columns3 size={15} aria-hidden="true" />}
              {t(`board.layout.${id}`)}
            </button>
          ))}
        </div>
      </div>

      <Filters filters={filters} onChange={setFilters} choices={choices} grouping={layout === 'table' ? grouping : null} onGrouping={setGrouping} />

      <SaveNotice note={note} />

      {shown.length === 0 ? (
        <p className="lib-noresults">{t('board.noResults')}</p>
      ) : layout === 'table' ? (
        <OpportunityTable rows={shown} grouping={grouping} sort={sort} onSort={setSort} cells={cells} />
      ) : (
        <StatusColumns rows={shown} cells={cells} />
      )}
    </section>
  );
}

// ---------- filters ----------

function Filters({
  filters,
  onChange,
  choices,
  grouping,
  onGrouping,
}: {
  filters: BoardFilters;
  onChange(filters: BoardFilters): void;
  choices: { maps: { value: string; label: string }[]; personas: { value: string; label: string }[] };
  grouping: TableGrouping | null;
  onGrouping(grouping: TableGrouping): void;
}) {
  const { t } = useTranslation();
  const set = (change: Partial<BoardFilters>) => onChange({ ...filters, ...change });
  const select = (key: 'kind' | 'mapId' | 'persona' | 'status', label: string, options: { value: string; label: string }[]) => (
    <label>
      <span>{label}</span>
      <select value={filters[key]} onChange={(event) => set({ [key]: event.target.value })}>
        <option value="">{t('board.filters.any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="lib-space-tools bd-tools">
      <form className="lib-search" role="search" onSubmit={(event) => event.preventDefault()}>
        <Search size={16} aria-hidden="true" className="lib-search-icon" />
        <input
          type="search"
          value={filters.text}
          onChange={(event) => set({ text: event.target.value })}
          placeholder={t('board.filters.searchPlaceholder')}
          aria-label={t('board.filters.search')}
          autoComplete="off"
          spellCheck={false}
        />
        {filters.text && (
          <button type="button" className="lib-search-clear" onClick={() => set({ text: '' })} aria-label={t('library.search.clear')}>
            <X size={14} aria-hidden="true" />
          </button>
        )}
      </form>
      <fieldset className="lib-space-filters">
        <legend className="sr-only">{t('board.filters.label')}</legend>
        {select(
          'kind',
          t('board.filters.kind'),
          (['pains', 'opportunities'] as const).map((kind) => ({ value: kind, label: t(`board.kinds.${kind}`) })),
        )}
        {choices.maps.length > 1 && select('mapId', t('board.filters.map'), choices.maps)}
        {choices.personas.length > 0 && select('persona', t('board.filters.persona'), choices.personas)}
        {select('status', t('board.filters.status'), [
          { value: NO_STATUS_GROUP, label: t('board.statusNone') },
          ...OPPORTUNITY_STATUSES.map((status) => ({ value: status, label: t(`panels.opportunity.statuses.${status}`) })),
        ])}
        {isFiltered(filters) && (
          <button type="button" className="lib-link-button" onClick={() => onChange(NO_BOARD_FILTERS)}>
            {t('board.filters.clear')}
          </button>
        )}
        {grouping !== null && (
          <label className="bd-groupby">
            <span>{t('board.groupBy.label')}</span>
            <select value={grouping} onChange={(event) => onGrouping(event.target.value as TableGrouping)}>
              {(['none', 'map', 'stage', 'persona', 'status'] as const).map((id) => (
                <option key={id} value={id}>
                  {t(`board.groupBy.${id}`)}
                </option>
              ))}
            </select>
          </label>
        )}
      </fieldset>
    </div>
  );
}

function SaveNotice({ note }: { note: SaveNote | null }) {
  const { t } = useTranslation();
  const failed = note?.state === 'failed';
  // one live region for every save: polite while saving, an alert when it failed
  return (
    <div className={`bd-save${note ? ` is-${note.state}` : ''}`} role={failed ? 'alert' : 'status'} aria-live={failed ? 'assertive' : 'polite'}>
      {note && (note.state === 'failed' ? t('board.save.failed', { title: note.title, reason: note.reason }) : t(`board.save.${note.state}`, { title: note.title }))}
    </div>
  );
}

// ---------- the table ----------

interface Cells {
  mayEdit: boolean;
  pending: Pending;
  onSave(row: OpportunityRow, change: { status?: OpportunityStatus | null; owner?: string }): void;
  onOpen(mapId: string, cardId: string): void;
}

const COLUMNS: { id: string; sort: OpportunitySortKey | null; className?: string }[] = [
  { id: 'card', sort: 'title', className: 'bd-col-card' },
  { id: 'kind', sort: 'kind' },
  { id: 'map', sort: 'map' },
  { id: 'stage', sort: 'stage' },
  { id: 'emotion', sort: 'emotion' },
  { id: 'votes', sort: 'votes', className: 'bd-num' },
  { id: 'status', sort: 'status' },
  { id: 'owner', sort: 'owner' },
  { id: 'personas', sort: null },
];

function OpportunityTable({
  rows,
  grouping,
  sort,
  onSort,
  cells,
}: {
  rows: OpportunityRow[];
  grouping: TableGrouping;
  sort: { key: OpportunitySortKey; direction: SortDirection } | null;
  onSort(sort: { key: OpportunitySortKey; direction: SortDirection } | null): void;
  cells: Cells;
}) {
  const { t } = useTranslation();
  const groups = useMemo(() => (grouping === 'none' ? [{ key: '', label: '', rows }] : groupRows(rows, grouping).filter((g) => g.rows.length > 0)), [rows, grouping]);
  const labelOf = (key: string, label: string) =>
    grouping === 'status' ? (key === NO_STATUS_GROUP ? t('board.statusNone') : t(`panels.opportunity.statuses.${key}`)) : grouping === 'persona' && key === '' ? t('board.noPersona') : label || t('board.untitled');
  const clickSort = (key: OpportunitySortKey) => {
    if (sort?.key !== key) onSort({ key, direction: key === 'votes' ? 'desc' : 'asc' });
    else if (sort.direction === (key === 'votes' ? 'desc' : 'asc')) onSort({ key, direction: sort.direction === 'asc' ? 'desc' : 'asc' });
    else onSort(null);
  };
  return (
    <div className="bd-table-wrap">
      <table className="bd-table">
        <caption className="sr-only">{t('board.caption')}</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const label = t(`board.columns.${column.id}`);
              const active = column.sort !== null && sort?.key === column.sort;
              return (
                <th
                  key={column.id}
                  scope="col"
                  className={column.className}
                  aria-sort={active ? (sort!.direction === 'asc' ? 'ascending' : 'descending') : column.sort ? 'none' : undefined}
                >
                  {column.sort ? (
                    <button type="button" className="bd-sort" onClick={() => clickSort(column.sort!)} title={t('board.sortBy', { column: label })}>
                      {label}
                      {active ? (
                        sort!.direction === 'asc' ? (
                          <ArrowUp size={13} aria-hidden="true" />
                        ) : (
                          <ArrowDown size={13} aria-hidden="true" />
                        )
                      ) : (
                        <ChevronsUpDown size={13} aria-hidden="true" className="bd-sort-idle" />
                      )}
                    </button>
                  ) : (
                    label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        {groups.map((group) => (
          <TableSection key={group.key} rows={group.rows} heading={grouping === 'none' ? null : labelOf(group.key, group.label)} cells={cells} />
        ))}
      </table>
    </div>
  );
}

function TableSection({ rows, heading, cells }: { rows: OpportunityRow[]; heading: string | null; cells: Cells }) {
  const { t } = useTranslation();
  const [limit, setLimit] = useState(PAGE);
  return (
    <tbody>
      {heading !== null && (
        <tr className="bd-group-row">
          <th colSpan={COLUMNS.length} scope="rowgroup">
            {heading}
            <span className="bd-group-count" aria-label={t('board.count', { count: rows.length })}>
              {rows.length}
            </span>
          </th>
        </tr>
      )}
      {rows.slice(0, limit).map((row) => (
        <TableRow key={row.key} row={withPending(row, cells.pending)} original={row} cells={cells} />
      ))}
      {rows.length > limit && (
        <tr>
          <td colSpan={COLUMNS.length}>
            <button type="button" className="lib-link-button" onClick={() => setLimit(limit + PAGE * 2)}>
              {t('board.more', { count: Math.min(PAGE * 2, rows.length - limit) })}
            </button>
          </td>
        </tr>
      )}
    </tbody>
  );
}

function TableRow({ row, original, cells }: { row: OpportunityRow; original: OpportunityRow; cells: Cells }) {
  const saving = cells.pending.has(row.key);
  return (
    <tr data-row={row.key} aria-busy={saving || undefined} className={saving ? 'is-saving' : undefined}>
      <th scope="row" className="bd-col-card">
        <CardLink row={row} onOpen={cells.onOpen} />
      </th>
      <td>
        <KindChip row={row} />
      </td>
      <td className="bd-map">{row.mapTitle}</td>
      <td className="bd-stage-cell">
        <StageCell row={row} />
      </td>
      <td>
        <Emotion score={row.emotion} />
      </td>
      <td className="bd-num">
        <Votes votes={row.votes} />
      </td>
      <td>
        <StatusCell row={row} original={original} cells={cells} />
      </td>
      <td>
        <OwnerCell row={row} original={original} cells={cells} />
      </td>
      <td>
        <Personas row={row} />
      </td>
    </tr>
  );
}

function CardLink({ row, onOpen }: { row: OpportunityRow; onOpen: Cells['onOpen'] }) {
  const { t } = useTranslation();
  const title = row.cardTitle.trim();
  return (
    <button type="button" className={`bd-card-link${title ? '' : ' is-untitled'}`} onClick={() => onOpen(row.mapId, row.cardId)} title={t('board.open', { title: title || t('board.untitled') })}>
      {title || t('board.untitled')}
    </button>
  );
}

function KindChip({ row }: { row: OpportunityRow }) {
  const { t } = useTranslation();
  return <span className={`bd-kind is-${row.laneKind}`}>{t(`board.kinds.${row.laneKind === 'pains' ? 'pains' : 'opportunities'}`)}</span>;
}

function StageCell({ row }: { row: OpportunityRow }) {
  const { t } = useTranslation();
  return (
    <span className="bd-stage">
      <span>{row.stageName.trim() || t('canvas.untitledStage')}</span>
      {row.phaseName && <span className="bd-phase">{row.phaseName}</span>}
    </span>
  );
}

function Emotion({ score }: { score: number | null }) {
  const { t } = useTranslation();
  if (score === null) return <span className="bd-none">{t('board.emotionNone')}</span>;
  const step = emotionStep(score);
  const color = emotionColor(step);
  const shownScore = `${score > 0 ? '+' : score < 0 ? '−' : ''}${Math.abs(score).toLocaleString(undefined, { maximumFractionDigits: 1 })}`;
  return (
    <span className="bd-emotion" style={{ color }}>
      <span className="bd-emotion-dot" style={{ background: color }} aria-hidden="true" />
      <span>{t(`canvas.emotions.${step}`)}</span>
      <span className="bd-emotion-score">{shownScore}</span>
    </span>
  );
}

function Votes({ votes }: { votes: number | null }) {
  const { t } = useTranslation();
  if (votes === null)
    return (
      <span className="bd-none" title={t('board.votesUnknown')}>
        <span aria-hidden="true">—</span>
        <span className="sr-only">{t('board.votesNone')}</span>
      </span>
    );
  return <span className={votes > 0 ? 'bd-votes' : 'bd-votes is-zero'}>{votes}</span>;
}

function statusLabel(t: (key: string) => string, status: OpportunityStatus | null): string {
  return status ? t(`panels.opportunity.statuses.${status}`) : t('board.statusNone');
}

function StatusCell({ row, original, cells }: { row: OpportunityRow; original: OpportunityRow; cells: Cells }) {
  const { t } = useTranslation();
  if (!cells.mayEdit) return <span className={`bd-status is-${row.status ?? 'none'}`}>{statusLabel(t, row.status)}</span>;
  return (
    <select
      className={`bd-status-select is-${row.status ?? 'none'}`}
      value={row.status ?? ''}
      aria-label={t('board.statusOf', { title: row.cardTitle.trim() || t('board.untitled') })}
      onChange={(event) => cells.onSave(original, { status: isOpportunityStatus(event.target.value) ? event.target.value : null })}
    >
      <option value="">{t('board.statusNone')}</option>
      {OPPORTUNITY_STATUSES.map((status) => (
        <option key={status} value={status}>
          {t(`panels.opportunity.statuses.${status}`)}
        </option>
      ))}
    </select>
  );
}

function OwnerCell({ row, original, cells }: { row: OpportunityRow; original: OpportunityRow; cells: Cells }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  if (!cells.mayEdit) return row.owner.trim() ? <span>{row.owner}</span> : <span className="bd-none">{t('board.ownerNone')}</span>;
  const commit = () => {
    if (draft !== null && draft.trim() !== row.owner.trim()) cells.onSave(original, { owner: draft.trim() });
    setDraft(null);
  };
  return (
    <input
      ref={input}
      className="bd-owner-input"
      value={draft ?? row.owner}
      maxLength={LIMITS.owner}
      placeholder={t('board.ownerPlaceholder')}
      aria-label={t('board.ownerOf', { title: row.cardTitle.trim() || t('board.untitled') })}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') input.current?.blur();
        else if (event.key === 'Escape') setDraft(null);
      }}
    />
  );
}

function Personas({ row }: { row: OpportunityRow }) {
  const { t } = useTranslation();
  if (row.personas.length === 0) return <span className="bd-none">—</span>;
  const names = row.personas.map((p) => p.name.trim()).filter((n) => n !== '');
  const text = names.join(', ');
  if (!row.personasFromMap) return <span className="bd-personas">{text}</span>;
  // the card names no persona of its own: the map's, quieter, and said in words for a screen reader
  return (
    <span className="bd-personas is-map" title={t('board.allPersonas', { names: text })}>
      <span aria-hidden="true">{text}</span>
      <span className="sr-only">{t('board.allPersonas', { names: text })}</span>
    </span>
  );
}

// ---------- the board: columns by status ----------

function StatusColumns({ rows, cells }: { rows: OpportunityRow[]; cells: Cells }) {
  const { t } = useTranslation();
  const groups = useMemo(() => groupRows(rows.map((row) => withPending(row, cells.pending)), 'status'), [rows, cells.pending]);
  const originals = useMemo(() => new Map(rows.map((r) => [r.key, r])), [rows]);
  return (
    <div className="bd-columns">
      {groups.map((group) => (
        <StatusColumn
          key={group.key}
          status={group.key === NO_STATUS_GROUP ? null : (group.key as OpportunityStatus)}
          label={group.key === NO_STATUS_GROUP ? t('board.statusNone') : t(`panels.opportunity.statuses.${group.key}`)}
          rows={group.rows}
          originals={originals}
          cells={cells}
        />
      ))}
    </div>
  );
}

function StatusColumn({ status, label, rows, originals, cells }: { status: OpportunityStatus | null; label: string; rows: OpportunityRow[]; originals: Map<string, OpportunityRow>; cells: Cells }) {
  const { t } = useTranslation();
  const id = useId();
  const [limit, setLimit] = useState(PAGE);
  return (
    <section className={`bd-column is-${status ?? 'none'}`} aria-labelledby={id}>
      <h3 id={id} className="bd-column-head">
        <span>{label}</span>
        <span className="bd-column-count" aria-label={t('board.column', { label, count: rows.length })}>
          {rows.length}
        </span>
      </h3>
      {rows.length === 0 && <p className="bd-column-empty">{t('board.columnEmpty')}</p>}
      <ul className="bd-column-list">
        {rows.slice(0, limit).map((row) => (
          <BoardCard key={row.key} row={row} original={originals.get(row.key) ?? row} cells={cells} />
        ))}
      </ul>
      {rows.length > limit && (
        <button type="button" className="lib-link-button bd-more" onClick={() => setLimit(limit + PAGE * 2)}>
          {t('board.more', { count: Math.min(PAGE * 2, rows.length - limit) })}
        </button>
      )}
    </section>
  );
}

function BoardCard({ row, original, cells }: { row: OpportunityRow; original: OpportunityRow; cells: Cells }) {
  const { t } = useTranslation();
  const saving = cells.pending.has(row.key);
  const facts: ReactNode[] = [];
  if (row.votes !== null && row.votes > 0) facts.push(<span key="votes" className="bd-votes">{t('canvas.votes', { count: row.votes })}</span>);
  return (
    <li className={`bd-board-card is-${row.laneKind}${saving ? ' is-saving' : ''}`} data-row={row.key} aria-busy={saving || undefined}>
      <div className="bd-board-card-top">
        <KindChip row={row} />
        <Emotion score={row.emotion} />
      </div>
      <CardLink row={row} onOpen={cells.onOpen} />
      <p className="bd-board-card-where">
        <span className="bd-map">{row.mapTitle}</span>
        <span aria-hidden="true"> · </span>
        <span>{row.stageName.trim() || t('canvas.untitledStage')}</span>
      </p>
      <div className="bd-board-card-foot">
        {cells.mayEdit ? <StatusCell row={row} original={original} cells={cells} /> : null}
        {row.owner.trim() && <span className="bd-board-owner">{row.owner}</span>}
        {facts}
      </div>
    </li>
  );
}
