// Steps through a sequence one item at a time (the ball's hops, the finder's trials), a few times a second; with
// reduced motion everything shows at once. Slow state: one update per item, never per frame.
import { useEffect, useState } from "react";

/**
 * The index (0 … count − 1) of the item to show now for a sequence named `key`: starts at 0 whenever the key
 * changes or `replay` is called, then moves on every `interval` ms; count − 1 at once when `reduced`.
 */
export function useReveal(
  count: number,
  key: string,
  { reduced, interval }: { reduced: boolean; interval: number },
): { index: number; done: boolean; replay: () => void } {
  const [round, setRound] = useState(0);
  const id = `${key}#${round}`;
  const [progress, setProgress] = useState({ id: "", index: 0 });
  const last = Math.max(0, count - 1);
  const index = reduced ? last : progress.id === id ? Math.min(progress.index, last) : 0;
  useEffect(() => {
    if (reduced || count <= 1) return;
    let i = 0;
    const timer = setInterval(() => {
      i++;
      setProgress({ id, index: i });
      if (i >= count - 1) clearInterval(timer);
    }, interval);
    return () => clearInterval(timer);
  }, [id, count, reduced, interval]);
  return { index, done: index === last, replay: () => setRound((r) => r + 1) };
}
