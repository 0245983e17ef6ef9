// @ts-check
// The layer decoder's worker thread (see layer-thread.ts). The main thread sends it a layer blob a chunk at a
// time; here the blob is hashed (digest check), decompressed (gzip or zstd), the tar hashed (diff id) and held
// to the size and ratio caps, and the tar goes back in chunks, never more than OUT_LIMIT bytes ahead of what
// the main thread has consumed. On the main thread, zlib inflates one output chunk and then waits for the
// event loop to hand it the next, so inflating stalls whenever the analyzers are busy and the analyzers idle
// whenever a layer of large binaries is inflating; here it runs ahead on the other core.
// Plain JavaScript so the same file serves the tests (which run the TypeScript sources) and dist/.
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import * as zlib from 'node:zlib';
import { zstdDecoder } from './zstd-decoder.mjs';

/** Tar bytes sent but not yet acknowledged, per job, before decompression pauses. */
const OUT_LIMIT = 4 * 1024 * 1024;
const OUT_CHUNK = 1024 * 1024;

/**
 * @typedef {{ op: 'start', id: number, codec: 'gzip' | 'zstd', blobHash: boolean, tarHash: boolean,
 *   maxLayerBytes: number, maxRatio: number }} StartMsg
 * @typedef {{ op: 'data', id: number, chunk: Uint8Array } | { op: 'end' | 'abort', id: number }
 *   | { op: 'ack', id: number, bytes: number }} JobMsg
 * @typedef {{ start: StartMsg, decoder: Transform | undefined, queue: JobMsg[],
 *   blobHash: import('node:crypto').Hash | undefined, tarHash: import('node:crypto').Hash | undefined,
 *   compressed: number, decompressed: number, outstanding: number, paused: boolean, done: boolean }} Job
 */

const port = parentPort;
if (!port) throw new Error('layer-worker.mjs runs as a worker thread only');

/** @type {Map<number, Job>} */
const jobs = new Map();
/**
 * @param {Job} job
 * @param {'cut' | 'pipe'} kind
 * @param {string} message
 */
function fail(job, kind, message) {
  if (job.done) return;
  job.done = true;
  jobs.delete(job.start.id);
  job.decoder?.destroy();
  port?.postMessage({ op: 'error', id: job.start.id, kind, message });
}

/**
 * The first per-layer cap the layer has passed, with how many of its decompressed bytes stay within them
 * (the per-image cap is the main thread's: it knows the earlier layers).
 * @param {Job} job
 * @returns {[string, number] | undefined}
 */
function overCap(job) {
  const s = job.start;
  const d = job.decompressed;
  const ratioCap = s.maxRatio * Math.max(job.compressed, 1024 * 1024);
  const within = Math.min(s.maxLayerBytes, ratioCap);
  if (d > s.maxLayerBytes)
    return [
      `decompressed size passed the per-layer cap of ${s.maxLayerBytes} bytes: layer cut (bomb?)`,
      within,
    ];
  if (d > ratioCap)
    return [
      `decompression ratio passed ${s.maxRatio}:1 (${job.compressed} bytes in, ${d} out): layer cut (bomb?)`,
      within,
    ];
  return undefined;
}

/**
 * Sends tar bytes as a tight copy, transferred (zlib's output chunks are views into a buffer it keeps
 * writing), and pauses decompression once the main thread is OUT_LIMIT bytes behind.
 * @param {Job} job
 * @param {Buffer} out
 */
function send(job, out) {
  const copy = new Uint8Array(out.length);
  copy.set(out);
  port?.postMessage({ op: 'data', id: job.start.id, chunk: copy }, [copy.buffer]);
  job.outstanding += out.length;
  if (job.outstanding > OUT_LIMIT && !job.paused) {
    job.paused = true;
    job.decoder?.pause();
  }
}

/** @param {Job} job @param {Buffer} tar */
function onTar(job, tar) {
  if (job.done) return;
  job.decompressed += tar.length;
  job.tarHash?.update(tar);
  const cut = overCap(job);
  if (cut) {
    // What lies within the caps is still scanned, as it would be had it arrived in smaller chunks.
    const keep = tar.length - (job.decompressed - Math.max(0, cut[1]));
    if (keep > 0) send(job, tar.subarray(0, keep));
    fail(job, 'cut', cut[0]);
    return;
  }
  send(job, tar);
}

/** @param {StartMsg} start */
function begin(start) {
  /** @type {Job} */
  const job = {
    start,
    decoder: undefined,
    queue: [],
    blobHash: start.blobHash ? createHash('sha256') : undefined,
    tarHash: start.tarHash ? createHash('sha256') : undefined,
    compressed: 0,
    decompressed: 0,
    outstanding: 0,
    paused: false,
    done: false,
  };
  jobs.set(start.id, job);
  if (start.codec === 'gzip') ready(job, zlib.createGunzip({ chunkSize: OUT_CHUNK }));
  else
    zstdDecoder(OUT_CHUNK).then(
      (d) => ready(job, d),
      (err) => fail(job, 'pipe', `zstd decoder unavailable: ${err?.message ?? err}`),
    );
}

/** @param {Job} job @param {Transform} decoder */
function ready(job, decoder) {
  if (job.done) return;
  job.decoder = decoder;
  decoder.on('data', (/** @type {Buffer} */ out) => onTar(job, out));
  decoder.on('end', () => {
    if (job.done) return;
    job.done = true;
    jobs.delete(job.start.id);
    port?.postMessage({
      op: 'done',
      id: job.start.id,
      ...(job.blobHash ? { blobDigest: `sha256:${job.blobHash.digest('hex')}` } : {}),
      ...(job.tarHash ? { tarDigest: `sha256:${job.tarHash.digest('hex')}` } : {}),
    });
  });
  decoder.on('error', (/** @type {Error} */ err) => fail(job, 'pipe', err.message));
  const queued = job.queue;
  job.queue = [];
  for (const m of queued) handle(m);
}

/** @param {JobMsg} m */
function handle(m) {
  const job = jobs.get(m.id);
  if (!job || job.done) return;
  const { decoder } = job;
  if (!decoder) {
    // zstd's fallback decoder is still loading.
    job.queue.push(m);
    return;
  }
  switch (m.op) {
    case 'data': {
      const chunk = Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength);
      job.compressed += chunk.length;
      job.blobHash?.update(chunk);
      decoder.write(chunk, () => port?.postMessage({ op: 'consumed', id: m.id, bytes: chunk.length }));
      break;
    }
    case 'end':
      decoder.end();
      break;
    case 'ack':
      job.outstanding -= m.bytes;
      if (job.paused && job.outstanding <= OUT_LIMIT / 2) {
        job.paused = false;
        decoder.resume();
      }
      break;
    case 'abort':
      job.done = true;
      jobs.delete(m.id);
      decoder.destroy();
      break;
  }
}

port.on('message', (/** @type {StartMsg | JobMsg} */ m) => {
  if (m.op === 'start') begin(m);
  else handle(m);
});
