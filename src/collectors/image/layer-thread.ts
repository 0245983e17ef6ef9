// Decompressing a layer blob off the main thread. One worker thread (layer-worker.mjs) per process serves
// every compressed layer of every scan in turn: the main thread sends it the blob's bytes and gets the tar
// back, with the blob and tar digests and the bomb caps applied there. On the main thread, zlib inflates one
// output chunk and then waits for the event loop to hand it the next, so inflating stalls while the
// analyzers work and the analyzers idle while a layer of large binaries inflates; in the worker it runs
// ahead on another core (BENCHMARKS.md). When no worker can be started, walkLayer decompresses in-process
// (same results).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Blob bytes sent to the worker and not yet consumed by its decoder, before reading the blob pauses. */
const IN_LIMIT = 2 * 1024 * 1024;
/** Tar bytes consumed here before the worker is told (it runs at most OUT_LIMIT = 4 MiB ahead). */
const ACK_BYTES = 1024 * 1024;

export interface ThreadWalkOptions {
  codec: 'gzip' | 'zstd';
  blobHash: boolean;
  tarHash: boolean;
  maxLayerBytes: number;
  maxRatio: number;
}

/** Why a threaded decode stopped early: a per-layer bomb cap, or a decoding error. */
export class ThreadWalkError extends Error {
  constructor(
    readonly kind: 'cut' | 'pipe',
    message: string,
  ) {
    super(message);
  }
}

export interface ThreadWalk {
  /** The tar, in order. Throws a ThreadWalkError when the blob cannot be decoded to its end. */
  chunks: AsyncIterable<Buffer>;
  /** Blob bytes read so far. */
  readonly compressed: number;
  /** After a clean end: the digests asked for. */
  readonly blobDigest: string | undefined;
  readonly tarDigest: string | undefined;
  /** Stops decoding and closes the blob (when the chunks will not be read to their end). */
  cancel(): void;
}

type FromWorker =
  | { op: 'data'; id: number; chunk: Uint8Array }
  | { op: 'consumed'; id: number; bytes: number }
  | {
      op: 'done';
      id: number;
      blobDigest?: string;
      tarDigest?: string;
    }
  | { op: 'error'; id: number; kind: ThreadWalkError['kind']; message: string };

interface JobPort {
  onMessage(m: FromWorker): void;
  onWorkerGone(err: Error): void;
}

const WORKER_FILE = new URL('./layer-worker.mjs', import.meta.url);

/**
 * For `bulkhead image scan`, bin/bulkhead.js starts this thread before the CLI bundle loads, so that it has
 * booted (~80 ms) by the time the first layer arrives, and leaves it under this global symbol. Taken once;
 * the loader removes it if it fails or exits before that.
 */
export const EARLY_WORKER = Symbol.for('bulkhead.layerWorker');
function adoptEarlyWorker(): Worker | undefined {
  const g = globalThis as Record<symbol, unknown>;
  const w = g[EARLY_WORKER];
  delete g[EARLY_WORKER];
  if (!(w instanceof Worker)) return undefined;
  if (process.env.BULKHEAD_DEBUG_STARTUP === '1')
    process.stderr.write('bulkhead: layer decoder thread: the one started before the bundle loaded\n');
  return w;
}

class LayerThread {
  private worker: Worker | undefined;
  private disabled = false;
  private readonly jobs = new Map<number, JobPort>();
  private nextId = 1;

  running(): boolean {
    return this.worker !== undefined;
  }

  /** The worker, started on first use; undefined when worker threads are unavailable here. */
  get(): Worker | undefined {
    if (this.worker || this.disabled) return this.worker;
    try {
      if (!existsSync(fileURLToPath(WORKER_FILE))) throw new Error(`${WORKER_FILE.pathname} is missing`);
      const w = adoptEarlyWorker() ?? new Worker(WORKER_FILE, { stdout: false, stderr: false });
      w.on('message', (m: FromWorker) => this.jobs.get(m.id)?.onMessage(m));
      const gone = (err: Error): void => {
        if (this.worker === w) this.worker = undefined;
        const jobs = [...this.jobs.values()];
        this.jobs.clear();
        for (const j of jobs) j.onWorkerGone(err);
      };
      w.on('error', (err) => gone(new Error(`layer decoder thread failed: ${err.message}`)));
      w.on('exit', (code) => gone(new Error(`layer decoder thread exited (code ${code})`)));
      w.unref();
      this.worker = w;
    } catch {
      this.disabled = true;
    }
    return this.worker;
  }

  start(
    blob: AsyncIterable<Buffer>,
    opts: ThreadWalkOptions,
    closeInput: () => void,
  ): ThreadWalk | undefined {
    const worker = this.get();
    if (!worker) return undefined;
    const id = this.nextId++;
    const queue: Buffer[] = [];
    let wake: (() => void) | undefined;
    let inputWake: (() => void) | undefined;
    let ended = false;
    let error: ThreadWalkError | undefined;
    let pendingIn = 0;
    let closed = false;
    const walk = {
      compressed: 0,
      blobDigest: undefined as string | undefined,
      tarDigest: undefined as string | undefined,
      chunks: undefined as unknown as AsyncIterable<Buffer>,
      cancel: () => {
        if (closed) return;
        worker.postMessage({ op: 'abort', id });
        finish();
      },
    };
    const poke = (): void => {
      const w = wake;
      wake = undefined;
      w?.();
    };
    const finish = (): void => {
      if (closed) return;
      closed = true;
      this.jobs.delete(id);
      if (this.jobs.size === 0) worker.unref();
      const iw = inputWake;
      inputWake = undefined;
      iw?.();
      closeInput();
    };
    const failWith = (err: ThreadWalkError): void => {
      if (ended || error) return;
      error = err;
      finish();
      poke();
    };
    this.jobs.set(id, {
      onMessage: (m) => {
        switch (m.op) {
          case 'data':
            queue.push(Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength));
            poke();
            break;
          case 'consumed': {
            pendingIn -= m.bytes;
            const iw = inputWake;
            if (iw && pendingIn <= IN_LIMIT / 2) {
              inputWake = undefined;
              iw();
            }
            break;
          }
          case 'done':
            walk.blobDigest = m.blobDigest;
            walk.tarDigest = m.tarDigest;
            ended = true;
            finish();
            poke();
            break;
          case 'error':
            failWith(new ThreadWalkError(m.kind, m.message));
            break;
        }
      },
      onWorkerGone: (err) => failWith(new ThreadWalkError('pipe', err.message)),
    });
    worker.ref();
    worker.postMessage({ op: 'start', id, ...opts });

    // Feed the worker, at most IN_LIMIT bytes ahead of its decoder. A chunk that owns its whole buffer (file
    // reads) is handed over as it is (a stream's consumer owns the chunks it is given); a view into a larger
    // buffer (a socket's, a pool's) is copied first.
    void (async () => {
      try {
        for await (const c of blob) {
          if (closed) return;
          const own =
            c.byteOffset === 0 &&
            c.byteLength === c.buffer.byteLength &&
            !(c.buffer instanceof SharedArrayBuffer);
          const chunk = own ? new Uint8Array(c.buffer, 0, c.byteLength) : new Uint8Array(c);
          walk.compressed += chunk.byteLength;
          pendingIn += chunk.byteLength;
          worker.postMessage({ op: 'data', id, chunk }, [chunk.buffer]);
          if (pendingIn > IN_LIMIT) await new Promise<void>((r) => (inputWake = r));
        }
        if (!closed) worker.postMessage({ op: 'end', id });
      } catch (err) {
        if (!closed) {
          worker.postMessage({ op: 'abort', id });
          failWith(new ThreadWalkError('pipe', (err as Error)?.message ?? String(err)));
        }
      }
    })();

    walk.chunks = {
      [Symbol.asyncIterator]: async function* () {
        let unacked = 0;
        try {
          for (;;) {
            const c = queue.shift();
            if (c) {
              yield c;
              // The chunk is handled: the worker may run that much further ahead. Acknowledged a megabyte
              // at a time (and whenever the queue runs dry): every message wakes the other thread, which on
              // a 2-core machine costs this one ~0.1 ms.
              unacked += c.length;
              if (unacked >= ACK_BYTES && !closed) {
                worker.postMessage({ op: 'ack', id, bytes: unacked });
                unacked = 0;
              }
              // Back to the event loop between chunks, even when more are queued: a chain of resolved
              // promises would otherwise keep the blob reads and the worker's messages (the next layer's
              // decoding among them) waiting until the queue ran dry.
              await new Promise<void>((r) => setImmediate(r));
              continue;
            }
            if (error) throw error;
            if (ended) return;
            if (unacked > 0 && !closed) {
              worker.postMessage({ op: 'ack', id, bytes: unacked });
              unacked = 0;
            }
            await new Promise<void>((r) => (wake = r));
          }
        } finally {
          if (!closed) {
            worker.postMessage({ op: 'abort', id });
            finish();
          }
        }
      },
    };
    return walk;
  }
}

const thread = new LayerThread();

/** Whether the worker thread is running (for tests and diagnostics). */
export function layerThreadStarted(): boolean {
  return thread.running();
}
const enabled = (): boolean => process.env.BULKHEAD_LAYER_THREAD !== '0';

/** Starts the layer decoder thread ahead of the first layer (it takes ~50-90 ms to boot). */
export function prewarmLayerThread(): void {
  if (enabled()) thread.get();
}

/**
 * Decodes a compressed layer blob in the shared worker thread. Undefined when no worker can run here (the
 * caller decodes in-process). `closeInput` is called once the worker needs no more of `blob`.
 */
export function walkInThread(
  blob: AsyncIterable<Buffer>,
  opts: ThreadWalkOptions,
  closeInput: () => void,
): ThreadWalk | undefined {
  if (!enabled()) return undefined;
  return thread.start(blob, opts, closeInput);
}
