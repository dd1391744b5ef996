// A worker's scheduler: runs callbacks after the messages already queued, like setTimeout 0 but without its
// ≥ 4 ms clamp (which would idle a third of an 8 ms slice): each callback is a MessageChannel message.

export function createScheduler(): (fn: () => void) => void {
  const queue: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => queue.shift()?.();
  return (fn) => {
    queue.push(fn);
    channel.port2.postMessage(null);
  };
}
