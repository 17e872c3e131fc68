/**
 * Throwaway PostgreSQL databases for tests. Each call creates a database of its
 * own (named by process and random suffix, so parallel runs never collide) on the
 * server at PARLEY_TEST_POSTGRES_URL (default: the local server, user postgres).
 * An unreachable server fails the caller: cluster tests must not pass by skipping.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  /** Connection URL of the new database. */
  url: string;
  name: string;
  /** Drop the database, ending any connections still open to it. */
  drop(): Promise<void>;
}

/** The maintenance database that test databases are created from. */
export function postgresAdminUrl(): string {
  return process.env.PARLEY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** Run one statement on the maintenance database. */
export async function postgresAdmin<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: postgresAdminUrl(), connectionTimeoutMillis: 5000, query_timeout: 30_000 });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  // Only [a-z0-9_]: safe to put into the statement (identifiers cannot be parameters).
  const name = `parley_t_${process.pid}_${randomBytes(6).toString('hex')}`;
  await postgresAdmin(`CREATE DATABASE ${name}`);
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      await postgresAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
