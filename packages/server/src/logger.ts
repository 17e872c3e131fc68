/** Structured JSON logs (pino). Expected failures are logged without stacks. */
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'parley' } });
}

export type { Logger };
