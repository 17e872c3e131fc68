/**
 * The bus of a cluster: nodes exchange events through Redis pub/sub and keep the
 * online and node registries in Redis. Redis holds no data that matters: the bus
 * carries only live pushes (messages live in the store), and each node keeps the
 * truth of its own registry entries in memory and writes them again whenever
 * Redis may have lost them.
 *
 * Keys and channels (P = the configured prefix):
 *   P:events          channel: every event of every node (see `publish` for why one channel)
 *   P:node:<id>       string, TTL 3 heartbeats: the node is alive; its NodeInfo JSON
 *                     once it announced itself ("" before)
 *   P:nodes           set of node ids that may be alive (dead ones are removed by `nodes()`)
 *   P:online:<user>   hash, node id → devices of the user on that node; a field counts
 *                     only while P:node:<id> exists
 *
 * Two connections: the subscriber (a subscribed connection cannot run commands)
 * and one for publishing and commands. Neither queues while disconnected: a
 * command then fails at once, and ioredis keeps reconnecting in the background.
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { Bus, BusEvent, BusListener, NodeInfo } from '../../chat/types.ts';
import { decodeBusFrame, encodeBusFrame, type BusFrame } from './event-codec.ts';

export interface RedisBusOptions {
  url: string;
  prefix: string;
  /**
   * Unique among running nodes, and best not reused by a restarted node: a node
   * ignores events carrying its own id, and while the id's heartbeat key lives,
   * online entries left under it by a previous process still count.
   */
  nodeId: string;
  /** How often the node writes its registry entry; it expires after three missed beats. Default 2000. */
  heartbeatMs?: number;
  log?: (msg: string, err?: unknown) => void;
}

export interface RedisBusStats {
  published: number;
  /** Frames (events, and notices of dropped events) the other nodes did not get because Redis was unreachable. */
  dropped: number;
  /** Events received from other nodes. */
  received: number;
  /** Times the listeners were told they may have missed events. */
  missed: number;
}

/**
 * Whether any node but `ARGV[2]` that has a field in the hash KEYS[1] is alive
 * (its key ARGV[1]..id exists); fields of dead nodes are deleted on the way. One
 * script, so a node that comes back between the check and the delete cannot have
 * its fresh entry deleted.
 */
const ONLINE_ELSEWHERE = `
local live = 0
for _, node in ipairs(redis.call('HKEYS', KEYS[1])) do
  if node ~= ARGV[2] then
    if redis.call('EXISTS', ARGV[1] .. node) == 1 then live = 1 else redis.call('HDEL', KEYS[1], node) end
  end
end
return live`;

type ScriptedRedis = Redis & { onlineElsewhere(key: string, nodeKeyPrefix: string, self: string): Promise<number> };
type ScriptedPipeline = ReturnType<Redis['pipeline']> & { onlineElsewhere(key: string, nodeKeyPrefix: string, self: string): unknown };

export class RedisBus implements Bus {
  readonly stats: RedisBusStats = { published: 0, dropped: 0, received: 0, missed: 0 };
  private readonly listeners = new Set<BusListener>();
  private readonly missedListeners = new Set<() => void>();
  /** This node's truth of the online registry: user → devices here. */
  private readonly devices = new Map<string, number>();
  /** Users whose entry in Redis may be wrong because a write failed. */
  private readonly unsynced = new Set<string>();
  private readonly channel: string;
  private readonly nodeKey: string;
  /** The set of node ids that may be alive. */
  private readonly nodesKey: string;
  private readonly heartbeatMs: number;
  private readonly log: (msg: string, err?: unknown) => void;
  private describe: (() => NodeInfo) | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  /** Events dropped since the command connection was last ready: the other nodes are told on its return. */
  private droppedSinceReady = 0;
  private closed = false;

  private constructor(
    private readonly options: RedisBusOptions,
    private readonly commands: ScriptedRedis,
    private readonly subscriber: Redis,
  ) {
    this.channel = `${options.prefix}:events`;
    this.nodeKey = this.nodeKeyOf(options.nodeId);
    this.nodesKey = `${options.prefix}:nodes`;
    this.heartbeatMs = options.heartbeatMs ?? 2000;
    this.log = options.log ?? ((msg, err) => console.error(`redis bus: ${msg}`, err ?? ''));
  }

  /** Connects both connections and subscribes; rejects if Redis cannot be reached now. */
  static async open(options: RedisBusOptions): Promise<RedisBus> {
    const commands = new Redis(options.url, connectionOptions(`${options.prefix}:${options.nodeId}:commands`)) as ScriptedRedis;
    commands.defineCommand('onlineElsewhere', { numberOfKeys: 1, lua: ONLINE_ELSEWHERE });
    const subscriber = new Redis(options.url, connectionOptions(`${options.prefix}:${options.nodeId}:events`));
    const bus = new RedisBus(options, commands, subscriber);
    bus.watchErrors(commands, 'command connection');
    bus.watchErrors(subscriber, 'subscriber connection');
    try {
      await Promise.all([commands.connect(), subscriber.connect()]);
      await subscriber.subscribe(bus.channel);
    } catch (err) {
      commands.disconnect();
      subscriber.disconnect();
      throw err;
    }
    subscriber.on('messageBuffer', (_channel: Buffer, bytes: Buffer) => bus.receive(bytes));
    // Every later 'ready' follows a lost connection.
    subscriber.on('ready', () => void bus.resubscribe());
    commands.on('ready', () => bus.commandsBack());
    bus.heartbeat = setInterval(() => void bus.beat(), bus.heartbeatMs).unref();
    await bus.beat();
    return bus;
  }

  /**
   * To this node's listeners at once (the gateway batches what is published in
   * one tick), and to the other nodes through Redis.
   *
   * Every node gets every event on one channel, and drops those with no recipient
   * connected to it (the gateway does that anyway). The cost is that each node
   * reads the whole cluster's event stream; routing per node would instead cost
   * a lookup of every recipient's nodes before each publish (a large group's
   * members on every message) and a round trip of latency. One channel also
   * keeps each node's events in the order it published them.
   */
  publish(event: BusEvent): void {
    for (const listener of this.listeners) listener(event);
    this.stats.published++;
    this.send({ from: this.options.nodeId, event });
  }

  subscribe(listener: BusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onMissed(listener: () => void): () => void {
    this.missedListeners.add(listener);
    return () => this.missedListeners.delete(listener);
  }

  setLocalDevices(userId: string, devices: number): void {
    if (devices > 0) this.devices.set(userId, devices);
    else this.devices.delete(userId);
    this.writeOnline(userId);
  }

  /** Rejects while Redis is unreachable: the caller cannot know, and guessing would announce wrong presence. */
  async isOnline(userId: string): Promise<boolean> {
    if (this.devices.has(userId)) return true;
    const prefix = this.nodeKeyOf('');
    return (await this.commands.onlineElsewhere(this.onlineKey(userId), prefix, this.options.nodeId)) === 1;
  }

  /**
   * `isOnline` for many users in one round trip: the users with no device here are
   * asked in one pipeline of the same script. Rejects, like isOnline, while Redis
   * is unreachable.
   */
  async onlineOf(userIds: readonly string[]): Promise<Set<string>> {
    const online = new Set(userIds.filter((u) => this.devices.has(u)));
    const rest = [...new Set(userIds.filter((u) => !online.has(u)))];
    if (rest.length === 0) return online;
    const prefix = this.nodeKeyOf('');
    const pipeline = this.commands.pipeline() as ScriptedPipeline;
    for (const u of rest) pipeline.onlineElsewhere(this.onlineKey(u), prefix, this.options.nodeId);
    const results = (await pipeline.exec()) ?? [];
    if (results.length !== rest.length) throw new Error('redis bus: the online pipeline was cut short');
    results.forEach(([err, live], i) => {
      if (err) throw err;
      if (live === 1) online.add(rest[i]!);
    });
    return online;
  }

  announce(describe: () => NodeInfo): void {
    this.describe = describe;
    void this.beat();
  }

  /** Live nodes (those whose key has not expired); ids of expired ones are removed from the set. */
  async nodes(): Promise<NodeInfo[]> {
    const ids = await this.commands.smembers(this.nodesKey);
    if (ids.length === 0) return [];
    const values = await this.commands.mget(ids.map((id) => this.nodeKeyOf(id)));
    const dead = ids.filter((_, i) => values[i] === null);
    if (dead.length > 0) this.commands.srem(this.nodesKey, ...dead).catch((err: unknown) => this.log('could not remove dead nodes', err));
    return values.filter((v): v is string => v !== null && v !== '').map((v) => JSON.parse(v) as NodeInfo);
  }

  /** Removes this node's registry and online entries (if Redis is reachable) and disconnects. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    this.listeners.clear();
    this.missedListeners.clear();
    if (this.commands.status === 'ready') {
      const pipeline = this.commands.pipeline().del(this.nodeKey).srem(this.nodesKey, this.options.nodeId);
      for (const userId of new Set([...this.devices.keys(), ...this.unsynced])) pipeline.hdel(this.onlineKey(userId), this.options.nodeId);
      await pipeline.exec().catch((err: unknown) => this.log('could not remove this node from the registries', err));
    }
    await Promise.all([quit(this.commands), quit(this.subscriber)]);
  }

  private send(frame: BusFrame): void {
    this.commands.publish(this.channel, encodeBusFrame(frame)).catch(() => {
      this.stats.dropped++;
      this.droppedSinceReady++;
    });
  }

  private receive(bytes: Buffer): void {
    let frame: BusFrame;
    try {
      frame = decodeBusFrame(bytes);
    } catch (err) {
      this.log('dropped an unreadable bus frame', err);
      return;
    }
    if (frame.from === this.options.nodeId) return;
    if (frame.control === 'missed') {
      this.missed();
      return;
    }
    this.stats.received++;
    for (const listener of this.listeners) {
      try {
        listener(frame.event);
      } catch (err) {
        this.log('a bus listener threw', err);
      }
    }
  }

  /** The subscriber reconnected: subscribe again, then tell the listeners that events published in the gap were missed. */
  private async resubscribe(): Promise<void> {
    try {
      await this.subscriber.subscribe(this.channel);
    } catch (err) {
      this.log('could not subscribe again; will retry on the next reconnection', err);
      return;
    }
    this.missed();
  }

  private missed(): void {
    this.stats.missed++;
    for (const listener of this.missedListeners) {
      try {
        listener();
      } catch (err) {
        this.log('an onMissed listener threw', err);
      }
    }
  }

  /**
   * The command connection is back: Redis may have lost our entries (the beat
   * finds out), and if we dropped events while it was gone, the other nodes
   * missed them and must resync. This node's own listeners got every event it
   * published, so they are not told.
   */
  private commandsBack(): void {
    void this.beat();
    if (this.droppedSinceReady === 0) return;
    this.droppedSinceReady = 0;
    this.send({ from: this.options.nodeId, control: 'missed' });
  }

  /**
   * Refresh this node's key. If it was gone (first beat, Redis flushed or
   * restarted, or this node stalled past its TTL and others cleaned up after it),
   * every online entry of this node is written again; otherwise only those whose
   * last write failed.
   */
  private async beat(): Promise<void> {
    if (this.closed || this.commands.status !== 'ready') return;
    try {
      const info = this.describe ? JSON.stringify(this.describe()) : '';
      const results = await this.commands
        .pipeline()
        .set(this.nodeKey, info, 'PX', this.heartbeatMs * 3, 'GET')
        .sadd(this.nodesKey, this.options.nodeId)
        .exec();
      const [err, previous] = results?.[0] ?? [new Error('heartbeat pipeline returned nothing')];
      if (err) throw err;
      if (previous === null) for (const userId of this.devices.keys()) this.unsynced.add(userId);
    } catch (err) {
      this.log('heartbeat failed', err);
      return;
    }
    for (const userId of [...this.unsynced]) this.writeOnline(userId);
  }

  /** Write this node's current truth for `userId`; on failure remember to write it again. */
  private writeOnline(userId: string): void {
    this.unsynced.delete(userId);
    const devices = this.devices.get(userId) ?? 0;
    const key = this.onlineKey(userId);
    const write = devices > 0 ? this.commands.hset(key, this.options.nodeId, devices) : this.commands.hdel(key, this.options.nodeId);
    write.catch(() => this.unsynced.add(userId));
  }

  private onlineKey(userId: string): string {
    return `${this.options.prefix}:online:${userId}`;
  }

  private nodeKeyOf(nodeId: string): string {
    return `${this.options.prefix}:node:${nodeId}`;
  }

  /** Log connection errors (an unhandled 'error' would crash the process), once per distinct error in a row. */
  private watchErrors(connection: Redis, name: string): void {
    let last = '';
    connection.on('error', (err: Error) => {
      if (err.message !== last) this.log(`${name}: ${err.message}`, err);
      last = err.message;
    });
    connection.on('ready', () => (last = ''));
  }
}

function connectionOptions(connectionName: string): RedisOptions {
  return {
    connectionName,
    lazyConnect: true,
    // Fail commands at once while disconnected instead of queueing them without bound.
    enableOfflineQueue: false,
    // Fail commands in flight when the connection drops, rather than resend them later.
    maxRetriesPerRequest: 0,
    // The subscriber subscribes again itself, so it knows when the gap ended.
    autoResubscribe: false,
    retryStrategy: (attempt) => Math.min(50 * attempt, 1000),
    // Commands issued in one tick go out in one write: a reconnect storm publishes
    // a presence event and an online-registry write per device.
    enableAutoPipelining: true,
  };
}

async function quit(connection: Redis): Promise<void> {
  if (connection.status !== 'ready') {
    connection.disconnect();
    return;
  }
  await connection.quit().catch(() => connection.disconnect());
}
