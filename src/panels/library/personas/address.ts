import { useCallback, useEffect, useState } from 'react';

/**
 * The persona page shown in a space's Personas view, kept in the address (`?persona=<id>` beside
 * `?view=personas`), so a reload, the back button and a shared address keep it. Opening a page
 * is a step of the browser's history (Back returns to the list); the id is only looked up in the
 * library, never used as anything else.
 */
const PARAM = 'persona';
const MAX_ID = 64;

function personaFromAddress(): string | null {
  const value = new URLSearchParams(location.search).get(PARAM);
  return value && value.length <= MAX_ID ? value : null;
}

export function usePersonaPage(): [string | null, (id: string | null) => void] {
  const [id, setIdState] = useState<string | null>(personaFromAddress);
  useEffect(() => {
    const onPop = () => setIdState(personaFromAddress());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const setId = useCallback((next: string | null) => {
    const url = new URL(location.href);
    if (next === null) url.searchParams.delete(PARAM);
    else url.searchParams.set(PARAM, next);
    if (next === null) history.replaceState(history.state, '', url.pathname + url.search);
    else history.pushState(history.state, '', url.pathname + url.search);
    setIdState(next);
  }, []);
  return [id, setId];
}

/** The address of a persona's page in the view (for links that open in a new tab too). */
export function personaPageHref(id: string): string {
  const url = new URL(location.href);
  url.searchParams.set('view', 'personas');
  url.searchParams.set(PARAM, id);
  return url.pathname + url.search;
}
