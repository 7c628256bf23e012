import type {
  ServerEvent,
  ServerEventListener,
  ServerEventName,
  ServerEvents,
} from '@shared/api/events';

// The backend's outgoing events. Hosts (the Electron main process, the browser-mode server)
// subscribe and carry them to the page; a listener that throws never breaks a write.

export class EventBus {
  private readonly listeners = new Set<ServerEventListener>();

  constructor(private readonly log?: (message: string, error?: unknown) => void) {}

  subscribe(listener: ServerEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit<K extends ServerEventName>(name: K, payload: ServerEvents[K]): void {
    const event = { name, payload } as ServerEvent;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.log?.(`An event listener failed on ${name}`, error);
      }
    }
  }
}
