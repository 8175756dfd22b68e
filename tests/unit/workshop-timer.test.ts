import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  pauseTimer,
  readPresentedStage,
  readPresenter,
  readTimer,
  resetTimer,
  setPresentedStage,
  setPresenter,
  setTimerDuration,
  startTimer,
  timerRemainingMs,
  TIMER_MAX_MS,
  TIMER_MIN_MS,
  workshopMap,
} from '../../src/model/workshop';
import { OWNER } from '../support/actors';

const T0 = new Date('2026-11-23T09:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const remaining = (feedback: Y.Doc, seconds: number) => timerRemainingMs(readTimer(feedback), at(seconds));

describe('the workshop timer', () => {
  it('is idle at five minutes until someone sets it', () => {
    const feedback = new Y.Doc();
    expect(readTimer(feedback)).toEqual({ status: 'idle', durationMs: 300_000 });
    expect(remaining(feedback, 0)).toBe(300_000);
  });

  it('counts down once started, from the whole duration', () => {
    const feedback = new Y.Doc();
    setTimerDuration(feedback, OWNER, 120_000);
    startTimer(feedback, OWNER, T0);
    expect(readTimer(feedback)).toEqual({ status: 'running', durationMs: 120_000, endsAt: at(120).toISOString() });
    expect(remaining(feedback, 0)).toBe(120_000);
    expect(remaining(feedback, 30)).toBe(90_000);
  });

  it('pauses with the time left, and resumes from there', () => {
    const feedback = new Y.Doc();
    setTimerDuration(feedback, OWNER, 120_000);
    startTimer(feedback, OWNER, T0);
    pauseTimer(feedback, OWNER, at(45));
    expect(readTimer(feedback)).toEqual({ status: 'paused', durationMs: 120_000, remainingMs: 75_000 });
    // time passing while paused changes nothing
    expect(remaining(feedback, 600)).toBe(75_000);
    startTimer(feedback, OWNER, at(600));
    expect(remaining(feedback, 600)).toBe(75_000);
    expect(remaining(feedback, 660)).toBe(15_000);
  });

  it('never shows less than zero once the time is up', () => {
    const feedback = new Y.Doc();
    setTimerDuration(feedback, OWNER, 60_000);
    startTimer(feedback, OWNER, T0);
    expect(remaining(feedback, 60)).toBe(0);
    expect(remaining(feedback, 3600)).toBe(0);
  });

  it('ignores start while counting down, and restarts a run that has ended', () => {
    const feedback = new Y.Doc();
    setTimerDuration(feedback, OWNER, 60_000);
    startTimer(feedback, OWNER, T0);
    startTimer(feedback, OWNER, at(20));
    expect(remaining(feedback, 20)).toBe(40_000);
    startTimer(feedback, OWNER, at(100));
    expect(remaining(feedback, 100)).toBe(60_000);
  });

  it('pausing a timer that is not running changes nothing', () => {
    const feedback = new Y.Doc();
    expect(pauseTimer(feedback, OWNER, T0)).toEqual({ status: 'idle', durationMs: 300_000 });
    expect(readTimer(feedback).status).toBe('idle');
  });

  it('reset goes back to idle with the same duration', () => {
    const feedback = new Y.Doc();
    setTimerDuration(feedback, OWNER, 90_000);
    startTimer(feedback, OWNER, T0);
    pauseTimer(feedback, OWNER, at(10));
    resetTimer(feedback, OWNER);
    expect(readTimer(feedback)).toEqual({ status: 'idle', durationMs: 90_000 });
    expect(remaining(feedback, 50)).toBe(90_000);
  });

  it('setting the duration resets a running timer', () => {
    const feedback = new Y.Doc();
    startTimer(feedback, OWNER, T0);
    setTimerDuration(feedback, OWNER, 600_000);
    expect(readTimer(feedback)).toEqual({ status: 'idle', durationMs: 600_000 });
  });

  it('keeps durations between 10 seconds and 4 hours', () => {
    const feedback = new Y.Doc();
    expect(setTimerDuration(feedback, OWNER, 1).durationMs).toBe(TIMER_MIN_MS);
    expect(TIMER_MIN_MS).toBe(10_000);
    expect(setTimerDuration(feedback, OWNER, 24 * 3600_000).durationMs).toBe(TIMER_MAX_MS);
    expect(TIMER_MAX_MS).toBe(4 * 3600_000);
    expect(setTimerDuration(feedback, OWNER, Number.NaN).durationMs).toBe(300_000);
  });

  it('reads a timer a peer wrote badly as idle', () => {
    const feedback = new Y.Doc();
    workshopMap(feedback).set('timer', { status: 'running', durationMs: 'long', endsAt: 'soon' });
    expect(readTimer(feedback)).toEqual({ status: 'idle', durationMs: 300_000 });
    workshopMap(feedback).set('timer', 'tick');
    expect(readTimer(feedback)).toEqual({ status: 'idle', durationMs: 300_000 });
    workshopMap(feedback).set('timer', { status: 'paused', durationMs: 60_000, remainingMs: 999_999 });
    expect(readTimer(feedback)).toEqual({ status: 'paused', durationMs: 60_000, remainingMs: 60_000 });
  });

  it('every replica sees the same countdown', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    setTimerDuration(a, OWNER, 120_000);
    startTimer(a, OWNER, T0);
    expect(timerRemainingMs(readTimer(b), at(30))).toBe(90_000);
  });
});

describe('the presenter', () => {
  it('is nobody until set, then someone, then nobody again', () => {
    const feedback = new Y.Doc();
    expect(readPresenter(feedback)).toBeNull();
    setPresenter(feedback, OWNER, { id: 'fay-123456', name: 'Fay' });
    expect(readPresenter(feedback)).toEqual({ id: 'fay-123456', name: 'Fay' });
    setPresenter(feedback, OWNER, null);
    expect(readPresenter(feedback)).toBeNull();
  });

  it('shares the stage being presented', () => {
    const feedback = new Y.Doc();
    expect(readPresentedStage(feedback)).toBeNull();
    setPresentedStage(feedback, OWNER, 's2');
    expect(readPresentedStage(feedback)).toBe('s2');
    setPresentedStage(feedback, OWNER, null);
    expect(readPresentedStage(feedback)).toBeNull();
  });
});
