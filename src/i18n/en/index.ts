/**
 * English strings, one file per area of the app so each area owns its texts.
 * German (../de) must have the same keys; a test checks that.
 */
import { actions } from './actions';
import { app } from './app';
import { canvas } from './canvas';
import { cli } from './cli';
import { history } from './history';
import { sharing } from './sharing';
import { exporting } from './exporting';
import { library } from './library';
import { panels } from './panels';
import { present } from './present';
import { comments } from './comments';
import { workshop } from './workshop';
import { versions } from './versions';
import { evidence } from './evidence';
import { inbox } from './inbox';
import { evidenceMetrics } from './evidenceMetrics';
import { spaces } from './spaces';
import { hierarchy } from './hierarchy';
import { board } from './board';
import { personaLibrary } from './personaLibrary';
import { spaceFiles } from './spaceFiles';

export const en = { app, cli, canvas, panels, actions, library, exporting, sharing, present, comments, workshop, history, versions, evidence, inbox, evidenceMetrics, spaces, hierarchy, board, personaLibrary, spaceFiles };
