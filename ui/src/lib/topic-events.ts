// A topic can be added from outside the screen that lists it (the tray's quick
// add, over whatever screen is open): every list of that person's topics hears
// of it, so what is on screen never misses a topic just added.
import type { Topic } from './bindings';

type Listener = (topic: Topic) => void;

const listeners = new Set<Listener>();

export function announceTopic(topic: Topic): void {
  for (const listener of listeners) listener(topic);
}

/** Calls `listener` for each topic added from now on; returns the function that stops it. */
export function onTopicAdded(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
