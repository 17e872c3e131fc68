/**
 * The `parley` command. `parley serve` runs a server; flags, PARLEY_* env vars and
 * --config FILE set its configuration (see `parley serve --help`).
 */
import { hostname } from 'node:os';
import { describeConfig, loadConfig, startServer, createLogger } from '@parley/server';
import { runChat } from './chat-client.ts';

const USAGE = `usage: parley <command> [options]

commands:
  serve [--config FILE] [--<setting> VALUE ...]   run the server (see: parley serve --help)
  chat --user ID --password PW --to ID [--server URL] [--device ID]
                                                   a terminal client (server default http://127.0.0.1:8080)
  help                                             this text
`;

/** `--name value` and `--name=value` pairs; a flag without a value is an error. */
export function parseFlags(args: string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    if (eq > 0) {
      flags[arg.slice(2, eq)] = arg.slice(eq + 1);
    } else {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`flag ${arg} needs a value`);
      flags[arg.slice(2)] = value;
      i++;
    }
  }
  return flags;
}

function serveHelp(): string {
  const rows = describeConfig().map((d) => `  ${d.flag.padEnd(24)} ${d.env.padEnd(30)} default ${JSON.stringify(d.default)}`);
  return `usage: parley serve [--config FILE] [--<setting> VALUE ...]\n\nsettings (flag, environment variable, default):\n${rows.join('\n')}\n`;
}

async function serve(args: string[]): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(serveHelp());
    return;
  }
  const flags = parseFlags(args);
  const file = flags.config ?? process.env.PARLEY_CONFIG;
  delete flags.config;
  let config;
  try {
    config = loadConfig({ file, env: process.env, flags });
  } catch (err) {
    process.stderr.write(`parley: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const log = createLogger(config.logLevel);
  const server = await startServer(config, log);
  log.info(
    { http: server.httpUrl, ws: server.wsUrl, tcp: server.tcpUrl, store: config.store, dataDir: config.dataDir },
    'parley is listening',
  );
  process.stdout.write(`Parley listening: HTTP ${server.httpUrl}  WebSocket ${server.wsUrl}  TCP ${server.tcpUrl}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'draining');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      await serve(rest);
      return;
    case 'chat': {
      const flags = parseFlags(rest);
      for (const required of ['user', 'password', 'to']) {
        if (!flags[required]) throw new Error(`chat needs --${required}`);
      }
      await runChat({
        server: flags.server ?? 'http://127.0.0.1:8080',
        user: flags.user!,
        password: flags.password!,
        to: flags.to!,
        device: flags.device ?? `cli-${hostname()}-${process.pid}`,
      });
      process.exit(0);
    }
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return;
    default:
      process.stderr.write(`parley: unknown command "${command}"\n${USAGE}`);
      process.exit(2);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`parley: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
