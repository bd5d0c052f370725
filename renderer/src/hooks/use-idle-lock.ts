// Locks the app after `minutes` without mouse or keyboard input, and at once on Ctrl+L. Plain timers on window,
// so tests drive it with jest's fake timers.
import { useEffect, useRef } from 'react';

const activity = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

export function useIdleLock(minutes: number, enabled: boolean, onLock: () => void): void {
  const lock = useRef(onLock);
  useEffect(() => {
    lock.current = onLock;
  }, [onLock]);

  useEffect(() => {
    if (!enabled) return;
    const ms = Math.max(1, minutes) * 60_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => lock.current(), ms);
    };
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        clearTimeout(timer);
        lock.current();
      }
    };
    restart();
    for (const name of activity) window.addEventListener(name, restart, { capture: true, passive: true });
    window.addEventListener('keydown', onKey, { capture: true });
    return () => {
      clearTimeout(timer);
      for (const name of activity) window.removeEventListener(name, restart, { capture: true });
      window.removeEventListener('keydown', onKey, { capture: true });
    };
  }, [minutes, enabled]);
}
