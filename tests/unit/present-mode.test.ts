import * as Y from 'yjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildActionContext, isEnabled, runAction } from '../../src/actions/context';
import { findAction } from '../../src/actions/registry';
import { parseRoute } from '../../src/app/router';
import { createI18n } from '../../src/i18n';
import { deleteStage } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { createUndoManager } from '../../src/model/undo';
import { useEditor } from '../../src/store/editorStore';

const editor = () => useEditor.getState();
const navigate = vi.fn<(path: string) => void>();

function openRetail() {
  const doc = createMapFromTemplate('retail', 'en');
  editor().closeSession();
  editor().openSession({ mapId: 'map-under-test', doc, undo: createUndoManager(doc, { captureTimeout: 0 }), feedback: new Y.Doc() });
  return doc;
}

beforeEach(() => {
  navigate.mockClear();
});

describe('opening present mode', () => {
  it('the address /map/<id>/present is the present route of that map', () => {
    expect(parseRoute('/map/abc_123/present')).toEqual({ name: 'present', mapId: 'abc_123' });
    expect(parseRoute('/map/abc_123/present/')).toEqual({ name: 'present', mapId: 'abc_123' });
    expect(parseRoute('/map/abc_123')).toEqual({ name: 'map', mapId: 'abc_123' });
    expect(parseRoute('/map/abc_123/presents')).toEqual({ name: 'notFound' });
    expect(parseRoute('/map/../present')).toEqual({ name: 'notFound' });
  });

  it('the Present action leaves the editor for the open map’s present route', () => {
    openRetail();
    expect(runAction('view.present', { navigate })).toBe(true);
    expect(navigate).toHaveBeenCalledWith('/map/map-under-test/present');
  });

  it('a view-only collaborator may present too', () => {
    openRetail();
    editor().setCollab({ status: 'synced', role: 'view', peers: [] });
    expect(isEnabled(findAction('view.present')!, buildActionContext({ navigate }))).toBe(true);
    editor().setCollab(null);
  });

  it('a map without stages cannot be presented', () => {
    const doc = openRetail();
    for (const stage of [...editor().journey!.stages]) deleteStage(doc, stage.id);
    expect(editor().journey!.stages).toHaveLength(0);
    expect(runAction('view.present', { navigate })).toBe(false);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('is labelled “Present” and „Präsentieren“', () => {
    expect(createI18n('en').t('actions.view.present')).toBe('Present');
    expect(createI18n('de').t('actions.view.present')).toBe('Präsentieren');
  });
});

describe('present mode in German', () => {
  const de = createI18n('de');
  it('uses the agreed words: Schritt, Phase, Sprechernotizen', () => {
    expect(de.t('present.announceStage', { index: 3, count: 8, name: 'Kauf' })).toBe('Schritt 3 von 8: Kauf');
    expect(de.t('present.announcePhase', { index: 2, count: 3, name: 'Kauf' })).toBe('Phase 2 von 3: Kauf');
    expect(de.t('present.notes')).toBe('Sprechernotizen');
  });
  it('announces in English as “Stage 3 of 8: Purchase”', () => {
    expect(createI18n('en').t('present.announceStage', { index: 3, count: 8, name: 'Purchase' })).toBe('Stage 3 of 8: Purchase');
  });
});
