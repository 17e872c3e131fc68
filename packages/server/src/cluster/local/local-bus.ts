/** The in-process bus of a single node: events go straight to this node's listeners. */
import type { Bus, BusEvent, BusListener } from '../../chat/types.ts';

export class LocalBus implements Bus {
  private readonly listeners = new Map<string, Set<BusListener>>();

  publish(event: BusEvent): void {
    for (const userId of event.recipients) {
      const set = this.listeners.get(userId);
      if (!set) continue;
      for (const listener of set) listener(event);
    }
  }

  subscribeUser(userId: string, listener: BusListener): () => void {
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(userId) === set) this.listeners.delete(userId);
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
