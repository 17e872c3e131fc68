/** The in-process bus of a single node: every event goes straight to this node's listeners. */
import type { Bus, BusEvent, BusListener, NodeInfo } from '../../chat/types.ts';

export class LocalBus implements Bus {
  private readonly listeners = new Set<BusListener>();
  private readonly devices = new Map<string, number>();
  private describe: (() => NodeInfo) | undefined;

  publish(event: BusEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: BusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** An in-process bus never drops an event. */
  onMissed(): () => void {
    return () => {};
  }

  setLocalDevices(userId: string, devices: number): void {
    if (devices > 0) this.devices.set(userId, devices);
    else this.devices.delete(userId);
  }

  async isOnline(userId: string): Promise<boolean> {
    return this.devices.has(userId);
  }

  async onlineOf(userIds: readonly string[]): Promise<Set<string>> {
    return new Set(userIds.filter((u) => this.devices.has(u)));
  }

  announce(describe: () => NodeInfo): void {
    this.describe = describe;
  }

  async nodes(): Promise<NodeInfo[]> {
    return this.describe ? [this.describe()] : [];
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
