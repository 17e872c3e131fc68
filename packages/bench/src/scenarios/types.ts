import type { WorkerPool } from '../worker-pool.ts';

export interface Endpoints {
  http: string;
  ws: string;
  tcp: string;
}

export interface ScenarioContext {
  endpoints: Endpoints;
  /**
   * Where load clients connect (tcp:// or ws://): one node, or every node of a
   * cluster; client i of a scenario takes `clientUrlOf(urls, i)`.
   */
  clientUrls: string[];
  options: Record<string, number>;
  pool: WorkerPool;
  /** Signing key for tokens the server accepts (its appJwtKeys). */
  appKey: string;
  adminKey: string;
  /** The server's pid when the bench started it (for /proc figures). */
  serverPid?: number;
  /** The data directory of the server the bench started (on the disk the server writes to). */
  dataDir?: string;
  log(message: string): void;
}

export interface ScenarioResult {
  /** Stable, documented figure names (docs/BENCHMARKS.md). */
  figures: Record<string, unknown>;
  /** Rows for the human table. */
  table: [string, string][];
}

export type WorkerPhase = (state: Record<string, unknown>, arg: any) => Promise<unknown>;

export interface Scenario {
  description: string;
  /** Option defaults; every option is a number given as --name value. */
  defaults: Record<string, number>;
  /** How many load-generator processes to use for these options. */
  workers(options: Record<string, number>): number;
  /**
   * Run against the server's default rate limits. Other scenarios measure
   * capacity from a few addresses and users, so the bench starts its server with
   * every limit off for them.
   */
  rateLimited?: boolean;
  /** Settings of the server the bench starts, from the options (rate-limited scenarios). */
  serverArgs?(options: Record<string, number>): string[];
  run(ctx: ScenarioContext): Promise<ScenarioResult>;
  worker: Record<string, WorkerPhase>;
}

/**
 * The message type of bench payloads: an app-defined kind (1000 and above), so the
 * server stores the bytes as they are (TEXT and CUSTOM bodies are checked).
 */
export const BENCH_MESSAGE_TYPE = 1000;

/** The node client `i` connects to: the clients are dealt round the nodes. */
export function clientUrlOf(urls: readonly string[], i: number): string {
  return urls[i % urls.length]!;
}
