export * from './test-server.ts';
export * from './raw-client.ts';
export * from './fault-proxy.ts';
