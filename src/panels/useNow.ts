import { useEffect, useState } from 'react';

/** The current time, re-read every `everyMs` while `active` (countdowns); stays put otherwise. */
export function useNow(active: boolean, everyMs = 250): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    setNow(new Date());
    if (!active) return;
    const id = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(id);
  }, [active, everyMs]);
  return now;
}

/** 4:05, 12:00, 1:02:03: how a countdown reads. Rounds up, so 0:00 means the time is really up. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
