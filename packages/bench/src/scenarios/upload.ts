/**
 * upload: how fast the server takes a file in, against the disk it writes to.
 * The same bytes (M MiB) are written raw to a file beside the server's data
 * (1 MiB writes, then one fsync: what the disk gives) before and after each
 * upload — one stream of PATCHes of C MiB, then S parts side by side joined by
 * concatenation — each upload timed until the file exists (the server's own
 * work included: hashing, and for parts, joining them). Then the instant-upload
 * round trip (ask, prove a range, get the file) of a second user for content
 * the server has (a 1 MiB file). After one warm-up round (not counted), R
 * rounds, each upload compared with the mean of the two raw writes around it.
 * Figures: the medians of MB/s of each and of their ratio to the raw write, and
 * the instant upload's latency.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import http from 'node:http';
import { join } from 'node:path';
import { registerUser } from '@parley/testkit';
import { percentile, summarize } from '../stats.ts';
import type { Scenario, ScenarioContext } from './types.ts';

const MiB = 1024 * 1024;

/** The bench's own HTTP client: node:http with keep-alive, the body written as it is (no copy, unlike fetch). */
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

async function tus(ctx: ScenarioContext, token: string, method: string, path: string, headers: Record<string, string>, body?: Uint8Array): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  const url = new URL(path, ctx.endpoints.http);
  const answer = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname, port: url.port, path: url.pathname, method, agent,
        headers: { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0', ...(body ? { 'content-length': String(body.length) } : {}), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
  return answer;
}

/** Create a tus upload of `length` bytes (a partial one if `partial`); resolves with its path. */
async function create(ctx: ScenarioContext, token: string, length: number, partial: boolean): Promise<string> {
  const created = await tus(ctx, token, 'POST', '/v1/uploads', {
    'upload-length': String(length),
    'upload-metadata': `filename ${Buffer.from('bench.bin').toString('base64')},filetype ${Buffer.from('application/octet-stream').toString('base64')}`,
    ...(partial ? { 'upload-concat': 'partial' } : {}),
  });
  return String(created.headers.location);
}

/** Send `data` to the upload at `path` in PATCHes of `chunk` bytes; resolves with the file id (or '' for a partial). */
async function send(ctx: ScenarioContext, token: string, path: string, data: Uint8Array, chunk: number): Promise<string> {
  let fileId = '';
  for (let at = 0; at < data.length; at += chunk) {
    const res = await tus(ctx, token, 'PATCH', path, { 'upload-offset': String(at), 'content-type': 'application/offset+octet-stream' }, data.subarray(at, at + chunk));
    fileId = (res.headers['parley-file-id'] as string | undefined) ?? fileId;
  }
  return fileId;
}

export const upload: Scenario = {
  description: 'upload MB/s (1 stream, S parts side by side) against a raw write of the same bytes to the same disk; instant-upload latency',
  defaults: { mb: 100, streams: 4, chunkMb: 4, instant: 20, rounds: 5, workers: 1 },
  workers: () => 1,

  async run(ctx) {
    const { mb, streams, chunkMb, instant, rounds } = ctx.options as Record<string, number>;
    const chunk = chunkMb! * MiB;
    const mbps = (bytes: number, ms: number) => bytes / MiB / (ms / 1000);
    const run = `up${Date.now().toString(36)}`;

    // The disk's figure moves by a factor of 2–4 from one moment to the next on
    // this shared machine (its flushes are sometimes absorbed by a cache), so
    // each upload is bracketed by raw writes — raw, one stream, raw, parts, raw —
    // and compared with the mean of the two around it; the figures are the
    // rounds' medians. A first round of the same size, not counted, warms the
    // server up (its first PATCHes pay for compilation and prepared statements,
    // as a server that has been running does not).
    const rawWrite = async (data: Uint8Array): Promise<number> => {
      // The disk: the server's data directory (the bench started the server there), 1 MiB writes, one fsync.
      const rawFile = join(ctx.dataDir ?? '.', `raw-${Date.now()}.bin`);
      const t = performance.now();
      const handle = await open(rawFile, 'w');
      for (let at = 0; at < data.length; at += MiB) await handle.write(data, at, Math.min(MiB, data.length - at), at);
      await handle.sync();
      await handle.close();
      const ms = performance.now() - t;
      await rm(rawFile, { force: true });
      return ms;
    };
    const perRound: { raw: number; rawSingle: number; rawParallel: number; single: number; parallel: number }[] = [];
    let token = '';
    for (let round = 0; round <= rounds!; round++) {
      const warmUp = round === 0;
      const bytes = mb! * MiB;
      token = await registerUser(ctx.endpoints.http, `${run}-a${round}`); // a user per round: each has the day's upload quota
      const data = randomBytes(bytes);
      const other = randomBytes(bytes); // new content for the parts: the server must not already have it
      const rawBefore = await rawWrite(data);

      ctx.log(warmUp ? 'warm-up round (not counted)' : `round ${round}/${rounds}: uploading ${mb} MiB as one stream`);
      let t = performance.now();
      const oneFile = await send(ctx, token, await create(ctx, token, data.length, false), data, chunk);
      const oneMs = performance.now() - t;
      if (!oneFile) throw new Error('the single upload named no file');
      const rawBetween = await rawWrite(data);

      if (!warmUp) ctx.log(`round ${round}/${rounds}: uploading ${mb} MiB again as ${streams} parts side by side`);
      t = performance.now();
      const size = Math.ceil(other.length / streams!);
      // As the SDK does: the parts created one after the other (the server guesses the final from that order), then sent side by side.
      const slices = Array.from({ length: streams! }, (_, i) => other.subarray(i * size, (i + 1) * size));
      const paths: string[] = [];
      for (const slice of slices) paths.push(await create(ctx, token, slice.length, true));
      await Promise.all(slices.map((slice, i) => send(ctx, token, paths[i]!, slice, chunk)));
      const partsMs = performance.now() - t;
      const joined = await tus(ctx, token, 'POST', '/v1/uploads', { 'upload-concat': `final;${paths.join(' ')}` });
      const parallelMs = performance.now() - t;
      if (!joined.headers['parley-file-id']) throw new Error('the joined upload named no file');
      const rawAfter = await rawWrite(data);
      if (warmUp) continue;
      ctx.log(
        `round ${round}/${rounds}: raw ${rawBefore.toFixed(0)} ms, one stream ${oneMs.toFixed(0)} ms, raw ${rawBetween.toFixed(0)} ms, ` +
          `parts ${partsMs.toFixed(0)} ms + join ${(parallelMs - partsMs).toFixed(0)} ms, raw ${rawAfter.toFixed(0)} ms`,
      );
      perRound.push({
        raw: mbps(bytes, (rawBefore + rawBetween + rawAfter) / 3),
        rawSingle: mbps(bytes, (rawBefore + rawBetween) / 2),
        rawParallel: mbps(bytes, (rawBetween + rawAfter) / 2),
        single: mbps(bytes, oneMs),
        parallel: mbps(bytes, parallelMs),
      });
    }

    ctx.log(`${instant} instant uploads of content the server has`);
    // A 1 MiB file of the first user's (each instant upload is charged to the quota like an upload).
    const small = randomBytes(MiB);
    await send(ctx, token, await create(ctx, token, small.length, false), small, MiB);
    const second = await registerUser(ctx.endpoints.http, `${run}-b`);
    const sha256 = createHash('sha256').update(small).digest('hex');
    const latencies: number[] = [];
    for (let i = 0; i < instant!; i++) {
      const t0 = performance.now();
      const asked = await fetch(`${ctx.endpoints.http}/v1/files/instant`, {
        method: 'POST', headers: { authorization: `Bearer ${second}`, 'content-type': 'application/json' },
        body: JSON.stringify({ sha256, size: small.length, name: `copy-${i}.bin` }),
      });
      if (asked.status !== 200) throw new Error(`instant: ${asked.status} ${await asked.text()}`);
      const c = (await asked.json()) as { challengeId: string; start: number; end: number };
      const proof = createHash('sha256').update(small.subarray(c.start, c.end + 1)).digest('hex');
      const proved = await fetch(`${ctx.endpoints.http}/v1/files/instant/${c.challengeId}`, {
        method: 'POST', headers: { authorization: `Bearer ${second}`, 'content-type': 'application/json' }, body: JSON.stringify({ sha256: proof }),
      });
      if (proved.status !== 201) throw new Error(`instant proof: ${proved.status} ${await proved.text()}`);
      latencies.push(performance.now() - t0);
    }
    const instantMs = summarize(latencies);
    const median = (values: number[]) => percentile(Float64Array.from(values).sort(), 50);
    const raw = median(perRound.map((r) => r.raw));
    const single = median(perRound.map((r) => r.single));
    const parallel = median(perRound.map((r) => r.parallel));
    const singleToRaw = median(perRound.map((r) => r.single / r.rawSingle));
    const parallelToRaw = median(perRound.map((r) => r.parallel / r.rawParallel));
    const each = (f: (r: (typeof perRound)[number]) => number) => perRound.map((r) => f(r).toFixed(0)).join(' / ');
    const eachPct = (f: (r: (typeof perRound)[number]) => number) => perRound.map((r) => `${(f(r) * 100).toFixed(0)} %`).join(' / ');
    return {
      figures: {
        mb, streams, chunkMb, rounds,
        rawWriteMBps: Math.round(raw), singleStreamMBps: Math.round(single), parallelMBps: Math.round(parallel),
        singleToRaw: Number(singleToRaw.toFixed(2)), parallelToRaw: Number(parallelToRaw.toFixed(2)),
        perRound: perRound.map((r) => ({
          raw: Math.round(r.raw), rawAroundSingle: Math.round(r.rawSingle), rawAroundParallel: Math.round(r.rawParallel),
          single: Math.round(r.single), parallel: Math.round(r.parallel),
        })),
        instantUploadMs: instantMs,
      },
      table: [
        ['raw write (same disk)', `${raw.toFixed(0)} MB/s median (${each((r) => r.raw)}; ${mb} MiB, 1 MiB writes, one fsync; each round's mean of 3)`],
        ['upload, 1 stream', `${single.toFixed(0)} MB/s median; ${(singleToRaw * 100).toFixed(0)} % of raw, median of the rounds' ratios to the raw writes around it (${eachPct((r) => r.single / r.rawSingle)}; PATCHes of ${chunkMb} MiB)`],
        [`upload, ${streams} parts`, `${parallel.toFixed(0)} MB/s median; ${(parallelToRaw * 100).toFixed(0)} % of raw, median of the rounds' ratios to the raw writes around it (${eachPct((r) => r.parallel / r.rawParallel)}; joined by concatenation)`],
        ['instant upload ms', `p50 ${instantMs.p50}  p99 ${instantMs.p99}  max ${instantMs.max}`],
      ],
    };
  },

  worker: {},
};
