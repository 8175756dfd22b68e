import type * as Y from 'yjs';
import type { FeedbackActor } from './actor';
import { clampText, LIMITS } from './limits';
import { LOCAL_ORIGIN } from './origin';
import type { Presenter, TimerState } from './types';

/**
 * A workshop's session state, in the feedback doc so that every participant sees it:
 *   workshop  Y.Map  timer     → { status, durationMs, endsAt? , remainingMs? }
 *                    presenter → { id, name }
 *                    stage     → the stage id the presenter shows
 * Each value is written whole, so two facilitators pressing start and pause at once leave one
 * consistent timer (the last write wins), never a mix of both. None of it is undone with
 * Ctrl+Z and none of it is exported: it belongs to the session, not to the map.
 *
 * A running timer stores when it ends, not how much is left, so it needs no ticking writes;
 * each participant counts down against their own clock.
 *
 * All of it is the owner's (the facilitator's) to write: every write here takes its writer
 * (actor.ts) and, for anyone else, writes nothing, as the relay would refuse it.
 */

export const TIMER_DEFAULT_MS = 5 * 60 * 1000;
export const TIMER_MIN_MS = 10 * 1000;
export const TIMER_MAX_MS = 4 * 60 * 60 * 1000;

export function workshopMap(feedback: Y.Doc): Y.Map<unknown> {
  return feedback.getMap('workshop');
}

export function clampTimerDuration(ms: number): number {
  if (!Number.isFinite(ms)) return TIMER_DEFAULT_MS;
  return Math.min(TIMER_MAX_MS, Math.max(TIMER_MIN_MS, Math.round(ms)));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readTimer(feedback: Y.Doc): TimerState {
  const raw = workshopMap(feedback).get('timer');
  if (!isObject(raw)) return { status: 'idle', durationMs: TIMER_DEFAULT_MS };
  const durationMs = typeof raw.durationMs === 'number' ? clampTimerDuration(raw.durationMs) : TIMER_DEFAULT_MS;
  if (raw.status === 'running' && typeof raw.endsAt === 'string' && !Number.isNaN(Date.parse(raw.endsAt))) {
    return { status: 'running', durationMs, endsAt: raw.endsAt };
  }
  if (raw.status === 'paused' && typeof raw.remainingMs === 'number' && Number.isFinite(raw.remainingMs)) {
    return { status: 'paused', durationMs, remainingMs: Math.min(durationMs, Math.max(0, Math.round(raw.remainingMs))) };
  }
  return { status: 'idle', durationMs };
}

/** Time left, never below 0: the whole duration while idle. */
export function timerRemainingMs(timer: TimerState, now: Date): number {
  if (timer.status === 'idle') return timer.durationMs;
  if (timer.status === 'paused') return Math.max(0, timer.remainingMs);
  const ends = Date.parse(timer.endsAt);
  return Number.isNaN(ends) ? 0 : Math.max(0, ends - now.getTime());
}

function writeTimer(feedback: Y.Doc, by: FeedbackActor, timer: TimerState, origin: unknown): TimerState {
  if (!by.owner) return readTimer(feedback);
  feedback.transact(() => workshopMap(feedback).set('timer', { ...timer }), origin);
  return timer;
}

/**
 * Sets how long the timer runs (clamped to 10 s … 4 h); a running or paused timer is reset.
 * Each timer function returns the timer as it now is: unchanged unless `by` is the owner.
 */
export function setTimerDuration(feedback: Y.Doc, by: FeedbackActor, ms: number, origin: unknown = LOCAL_ORIGIN): TimerState {
  return writeTimer(feedback, by, { status: 'idle', durationMs: clampTimerDuration(ms) }, origin);
}

/**
 * Starts the countdown: from idle (or a run that has ended) with the whole duration, from
 * paused with what was left. A timer already counting down is left alone.
 */
export function startTimer(feedback: Y.Doc, by: FeedbackActor, now: Date = new Date(), origin: unknown = LOCAL_ORIGIN): TimerState {
  const timer = readTimer(feedback);
  if (timer.status === 'running' && timerRemainingMs(timer, now) > 0) return timer;
  const left = timer.status === 'paused' && timer.remainingMs > 0 ? timer.remainingMs : timer.durationMs;
  return writeTimer(feedback, by, { status: 'running', durationMs: timer.durationMs, endsAt: new Date(now.getTime() + left).toISOString() }, origin);
}

/** Stops the countdown, keeping what is left; only a running timer pauses. */
export function pauseTimer(feedback: Y.Doc, by: FeedbackActor, now: Date = new Date(), origin: unknown = LOCAL_ORIGIN): TimerState {
  const timer = readTimer(feedback);
  if (timer.status !== 'running') return timer;
  return writeTimer(feedback, by, { status: 'paused', durationMs: timer.durationMs, remainingMs: timerRemainingMs(timer, now) }, origin);
}

/** Back to idle, with the same duration. */
export function resetTimer(feedback: Y.Doc, by: FeedbackActor, origin: unknown = LOCAL_ORIGIN): TimerState {
  return writeTimer(feedback, by, { status: 'idle', durationMs: readTimer(feedback).durationMs }, origin);
}

export function readPresenter(feedback: Y.Doc): Presenter | null {
  const raw = workshopMap(feedback).get('presenter');
  if (!isObject(raw) || typeof raw.id !== 'string' || raw.id === '') return null;
  // a peer wrote this: capped like any name or id read from the doc
  return { id: raw.id.slice(0, LIMITS.identityId), name: typeof raw.name === 'string' ? raw.name.slice(0, LIMITS.author) : '' };
}

/** Makes someone the presenter, or (null) nobody. False (nothing written) unless `by` is the owner. */
export function setPresenter(feedback: Y.Doc, by: FeedbackActor, presenter: Presenter | null, origin: unknown = LOCAL_ORIGIN): boolean {
  if (!by.owner) return false;
  feedback.transact(() => {
    const workshop = workshopMap(feedback);
    if (presenter === null || presenter.id === '') {
      if (workshop.has('presenter')) workshop.delete('presenter');
    } else {
      workshop.set('presenter', { id: clampText(presenter.id, LIMITS.identityId), name: clampText(presenter.name, LIMITS.author) });
    }
  }, origin);
  return true;
}

/** The stage the presenter is showing, for participants who follow along; null when none. */
export function readPresentedStage(feedback: Y.Doc): string | null {
  const stage = workshopMap(feedback).get('stage');
  return typeof stage === 'string' && stage !== '' ? stage : null;
}

/** Sets the stage the presenter shows (null: none). False (nothing written) unless `by` is the owner. */
export function setPresentedStage(feedback: Y.Doc, by: FeedbackActor, stageId: string | null, origin: unknown = LOCAL_ORIGIN): boolean {
  if (!by.owner) return false;
  feedback.transact(() => {
    const workshop = workshopMap(feedback);
    if (stageId === null || stageId === '') {
      if (workshop.has('stage')) workshop.delete('stage');
    } else if (workshop.get('stage') !== stageId) {
      workshop.set('stage', stageId);
    }
  }, origin);
  return true;
}
