/** The in-process bus of a single node: every event goes straight to this node's listeners. */
import type { Bus, BusEvent, BusListener } from '../../chat/types.ts';

export class LocalBus implements Bus {
  private readonly listeners = new Set<BusListener>();

  publish(event: BusEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: BusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
