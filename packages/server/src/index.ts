export { startServer, type RunningServer } from './server.ts';
export { defaults, loadConfig, validateConfig, describeConfig, type Config } from './config/config.ts';
export { createLogger } from './logger.ts';
export { TimerWheel } from './gateway/timer-wheel.ts';
export { SqliteStore } from './store/sqlite/sqlite-store.ts';
export { PostgresStore, type PostgresStoreOptions } from './store/postgres/postgres-store.ts';
export { ChatService } from './chat/chat-service.ts';
export { LocalBus } from './cluster/local/local-bus.ts';
export type * from './chat/types.ts';
