/**
 * The server's live event stream (`/api/v1/events`), shared by the whole app: one
 * EventSource for every listener, opened with the first and closed with the last. The
 * browser reconnects by itself when the stream drops (the server sends `retry:`).
 */

export interface ServerEvent {
  type: string;
  entity: string | null;
  id: string | null;
  at: string;
  payload: unknown;
}

type Listener = (event: ServerEvent) => void;

const listeners = new Map<string, Set<Listener>>();
let source: EventSource | undefined;

function dispatch(type: string, message: MessageEvent<string>) {
  let event: ServerEvent;
  try {
    event = JSON.parse(message.data) as ServerEvent;
  } catch {
    return;
  }
  for (const listener of listeners.get(type) ?? []) {
    listener(event);
  }
}

function open() {
  if (source !== undefined || typeof EventSource === 'undefined') {
    return;
  }
  source = new EventSource('/api/v1/events', { withCredentials: true });
  for (const type of listeners.keys()) {
    attach(type);
  }
}

const attached = new Set<string>();

function attach(type: string) {
  if (source === undefined || attached.has(type)) {
    return;
  }
  attached.add(type);
  source.addEventListener(type, (message) => { dispatch(type, message as MessageEvent<string>); });
}

/** Calls `listener` for every event of `type`; returns the function that stops it. */
export function subscribeToServerEvents(type: string, listener: Listener): () => void {
  let forType = listeners.get(type);
  if (forType === undefined) {
    forType = new Set();
    listeners.set(type, forType);
  }
  forType.add(listener);
  open();
  attach(type);
  return () => {
    forType.delete(listener);
    const remaining = [...listeners.values()].reduce((count, set) => count + set.size, 0);
    if (remaining === 0 && source !== undefined) {
      source.close();
      source = undefined;
      attached.clear();
    }
  };
}
