export * from './test-server.ts';
export * from './raw-client.ts';
export * from './fault-proxy.ts';
export * from './wait.ts';
export * from './raw-ws.ts';
export * from './redis-server.ts';
export * from './postgres.ts';
export * from './transcript.ts';
