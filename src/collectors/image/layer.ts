// One layer blob, streamed once: digest check of the bytes as stored, decompression (gzip, zstd or none,
// sniffed from the bytes: docker save writes plain tars whatever the media type said), size caps against
// bombs, diff-id check of the tar, and each tar entry normalised into a LayerEntry for the visitor.
// Nothing is written to disk; an entry's content is read only when a visitor asks for it.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import * as zlib from 'node:zlib';
import { type Header, extract as tarExtract } from 'tar-stream';
import type { EntryType, LayerEntry, LayerInfo } from '../../facts/image-scan.js';
import { type ThreadWalk, ThreadWalkError, walkInThread } from './layer-thread.js';
import { decodeName, normaliseTarPath, type PathSet, whiteoutOf } from './path.js';
import type { EntryVisitor, WalkLimits } from './types.js';
import { zstdDecoder } from './zstd-decoder.mjs';

export interface LayerSource {
  index: number;
  /** Digest of the blob as stored; '' when unknown. */
  digest: string;
  /** True when `digest` is the sha256 of the bytes we will read (so it can be checked). */
  verifyDigest: boolean;
  /** The config's rootfs.diff_ids entry: sha256 of the uncompressed tar. */
  diffId?: string | undefined;
  mediaType?: string | undefined;
  createdBy?: string | undefined;
}

/** State shared by the layers of one walk. */
export interface WalkState {
  limits: WalkLimits;
  problems: string[];
  visit: EntryVisitor;
  /** Decompressed bytes so far, across layers. */
  imageBytes: number;
  /** Set when the per-image cap stopped the walk. */
  imageCapHit: boolean;
  paths: PathSet;
}

const CHUNK = 128 * 1024;
/** zstd's own decoder refuses windows over 128 MiB unless told otherwise; so do we (fzstd allocates them). */
const MAX_ZSTD_WINDOW = 128 * 1024 * 1024;
const EMPTY = Buffer.alloc(0);
const noop = (): void => {};
const readNothing = async (): Promise<Buffer> => EMPTY;

export const shortDigest = (d: string): string => (d.startsWith('sha256:') ? d.slice(0, 19) : d.slice(0, 12));

class CutError extends Error {}

type Codec = 'gzip' | 'zstd' | 'none' | 'bzip2' | 'xz';

function sniff(head: Buffer): Codec {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
  if (head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68) return 'bzip2';
  if (head[0] === 0xfd && head.subarray(1, 6).toString('latin1') === '7zXZ\0') return 'xz';
  return 'none';
}

/** The window a zstd frame header asks for (bytes), or undefined when the header is short or invalid. */
export function zstdWindow(head: Buffer): number | undefined {
  if (head.length < 6) return undefined;
  const fhd = head[4]!;
  const single = (fhd & 0x20) !== 0;
  if (!single) {
    const wd = head[5]!;
    const log = 10 + (wd >> 3);
    const base = 2 ** log;
    return base + (base / 8) * (wd & 7);
  }
  const dictBytes = [0, 1, 2, 4][fhd & 3]!;
  const fcsFlag = fhd >> 6;
  const fcsBytes = [1, 2, 4, 8][fcsFlag]!;
  const at = 5 + dictBytes;
  if (head.length < at + fcsBytes) return undefined;
  if (fcsBytes === 1) return head[at]!;
  if (fcsBytes === 2) return head.readUInt16LE(at) + 256;
  if (fcsBytes === 4) return head.readUInt32LE(at);
  return Number(head.readBigUInt64LE(at));
}

function entryType(t: string | null): EntryType {
  switch (t) {
    case 'file':
    case 'contiguous-file':
      return 'file';
    case 'directory':
      return 'dir';
    case 'symlink':
      return 'symlink';
    case 'link':
      return 'hardlink';
    case 'character-device':
      return 'char';
    case 'block-device':
      return 'block';
    case 'fifo':
      return 'fifo';
    default:
      return 'other';
  }
}

/** Per-layer problem lines, at most `max` of each kind, then one summary line per kind. */
class Notes {
  private counts = new Map<string, number>();
  constructor(
    private readonly label: string,
    private readonly out: string[],
    private readonly max: number,
  ) {}
  add(kind: string, message: string): void {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    if (n <= this.max) this.out.push(`${this.label}: ${message}`);
  }
  flush(): void {
    for (const [kind, n] of this.counts)
      if (n > this.max) this.out.push(`${this.label}: ${n - this.max} more ${kind} entries not listed`);
  }
}

const quote = (s: string): string => JSON.stringify(s.length > 200 ? `${s.slice(0, 200)}…` : s);

/** An entry's content, pulled from the tar stream only as far as asked, shared by every read(). */
class EntryContent {
  private chunks: Buffer[] = [];
  private have = 0;
  private ended = false;
  private listening = false;
  private waiting: { want: number; resolve: () => void } | undefined;
  closed = false;

  constructor(
    private readonly stream: Readable,
    private readonly size: number,
  ) {}

  async read(max: number): Promise<Buffer> {
    if (this.closed) throw new Error('LayerEntry.read() called after the visitor returned');
    const want = Math.max(0, Math.min(Math.floor(max), this.size));
    if (this.have < want && !this.ended) this.listen();
    if (this.have < want && !this.ended) {
      await new Promise<void>((resolve) => {
        this.waiting = { want, resolve };
        this.stream.resume();
      });
    }
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)];
    const all = this.chunks[0] ?? EMPTY;
    return all.length > want ? all.subarray(0, want) : all;
  }

  /**
   * Bytes are taken from 'data' events (no async iterator: a promise per chunk), the stream paused as soon
   * as a read has what it asked for, so no more than that is buffered.
   */
  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    const wake = (): void => {
      const w = this.waiting;
      if (w && (this.have >= w.want || this.ended)) {
        this.waiting = undefined;
        if (!this.closed) this.stream.pause();
        w.resolve();
      }
    };
    this.stream.on('data', (chunk: Buffer) => {
      if (this.closed) return;
      this.chunks.push(chunk);
      this.have += chunk.length;
      wake();
    });
    // The layer broke mid-entry (truncated, cut): the visitor gets what arrived; the walk reports it.
    const end = (): void => {
      this.ended = true;
      wake();
    };
    this.stream.on('end', end);
    this.stream.on('close', end);
    this.stream.on('error', end);
    // Already gone (the layer broke while the visitor was busy elsewhere): no event will come.
    const s = this.stream as unknown as { destroyed?: boolean; destroying?: boolean };
    if (s.destroyed || s.destroying) this.ended = true;
  }

  /**
   * Lets what nobody read flow away. tar-stream feeds the entry's remaining bytes to the flowing stream and
   * moves on to the next header by itself (waiting on the stream's backpressure, if any), so there is no
   * need to wait for 'end' here: that cost a promise and event-loop turns per entry.
   */
  drain(): void {
    this.closed = true;
    this.chunks = [];
    this.stream.resume();
  }
}

/** A layer whose blob is open and, when compressed, already decoding in the worker thread. */
export interface PreparedLayer {
  /** Streams the layer through the visitor (once). */
  walk(): Promise<LayerInfo>;
  /** Gives the layer up unwalked: stops its decoding and closes its blob. */
  cancel(): void;
}

/**
 * Streams one layer blob through the visitor. Never rejects for bad content: corruption, truncation and
 * caps become problems and the layer's info says how far it got. Rejects only when the visitor's walk
 * must stop for a reason outside the layer (none today).
 */
export async function walkLayer(src: LayerSource, blob: Readable, state: WalkState): Promise<LayerInfo> {
  return (await prepareLayer(src, blob, state)).walk();
}

/**
 * Reads the blob's first bytes (the codec) and starts decoding it in the worker thread, so that the next
 * layer inflates while the current one is analysed. Nothing is reported until walk().
 */
export async function prepareLayer(
  src: LayerSource,
  blob: Readable,
  state: WalkState,
): Promise<PreparedLayer> {
  const { limits } = state;
  const unwalked = (kind: string, message: string): PreparedLayer => ({
    walk: async () => {
      const info = layerInfo(src);
      const notes = new Notes(layerLabel(src), state.problems, limits.maxProblemsPerKind);
      notes.add(kind, message);
      notes.flush();
      return info;
    },
    cancel: () => {},
  });
  // The first bytes decide the codec; they are put back in front of the stream.
  const head = await readHead(blob, 16);
  if (head === undefined) return unwalked('corrupt', 'empty blob');
  const codec = sniff(head.bytes);
  if (codec === 'bzip2' || codec === 'xz') {
    blob.destroy();
    return unwalked('unsupported', `${codec}-compressed layer not supported; not scanned`);
  }
  if (codec === 'zstd') {
    const w = zstdWindow(head.bytes);
    if (w === undefined || w > MAX_ZSTD_WINDOW) {
      blob.destroy();
      return unwalked(
        'bomb',
        w === undefined
          ? 'invalid zstd frame header; not scanned'
          : `zstd window of ${w} bytes exceeds ${MAX_ZSTD_WINDOW}: not scanned (memory bomb)`,
      );
    }
  }
  const wantBlobHash = src.verifyDigest && src.digest.startsWith('sha256:');
  const wantTarHash = src.diffId?.startsWith('sha256:') === true;
  const threaded =
    codec === 'gzip' || codec === 'zstd'
      ? walkInThread(
          head.chunks,
          {
            codec,
            blobHash: wantBlobHash,
            tarHash: wantTarHash,
            maxLayerBytes: limits.maxLayerBytes,
            maxRatio: limits.maxRatio,
          },
          head.close,
        )
      : undefined;
  let used = false;
  return {
    walk: () => {
      if (used) throw new Error('PreparedLayer.walk() called twice');
      used = true;
      return walkPrepared(src, state, head, codec, threaded, wantBlobHash, wantTarHash);
    },
    cancel: () => {
      if (used) return;
      used = true;
      threaded?.cancel();
      head.close();
    },
  };
}

const layerLabel = (src: LayerSource): string =>
  `layer ${src.index}${src.digest ? ` (${shortDigest(src.digest)})` : ''}`;

/** A layer's info before anything is read from it. */
export const layerInfo = (src: LayerSource): LayerInfo => ({
  index: src.index,
  digest: src.digest,
  size: 0,
  entries: 0,
  ...(src.diffId ? { diffId: src.diffId } : {}),
  ...(src.mediaType ? { mediaType: src.mediaType } : {}),
  ...(src.createdBy !== undefined ? { createdBy: src.createdBy } : {}),
});

async function walkPrepared(
  src: LayerSource,
  state: WalkState,
  head: Head,
  codec: 'gzip' | 'zstd' | 'none',
  threaded: ThreadWalk | undefined,
  wantBlobHash: boolean,
  wantTarHash: boolean,
): Promise<LayerInfo> {
  const { limits } = state;
  const notes = new Notes(layerLabel(src), state.problems, limits.maxProblemsPerKind);
  const info = layerInfo(src);
  state.paths.clear();
  // The first failure names the layer's problem; what it causes downstream (premature close) does not.
  let failure: { where: 'pipe' | 'tar'; err: Error } | undefined;
  const fail = (where: 'pipe' | 'tar', err: Error): void => {
    failure ??= { where, err };
  };
  const entries = new EntryHandler(src, state, notes, info);

  let counts: { compressed: number; decompressed: number };
  let blobDigest: string | undefined;
  let tarDigest: string | undefined;
  if (threaded) {
    const imageCap = capImage(threaded.chunks, state);
    await walkTar(imageCap.chunks, entries, fail, () => failure !== undefined, threaded.cancel);
    if (failure?.err instanceof ThreadWalkError && failure.err.kind === 'cut')
      failure = { where: 'pipe', err: new CutError(failure.err.message) };
    counts = { compressed: threaded.compressed, decompressed: imageCap.decompressed() };
    blobDigest = threaded.blobDigest;
    tarDigest = threaded.tarDigest;
  } else {
    const decode = await decodeInProcess(head, codec, wantBlobHash, wantTarHash, limits, state, (err) =>
      fail('pipe', err),
    );
    await walkTar(
      decode.tar,
      entries,
      fail,
      () => failure !== undefined,
      () => decode.tar.destroy(),
    );
    counts = decode;
    blobDigest = decode.blobDigest();
    tarDigest = decode.tarDigest();
  }

  info.size = counts.compressed;
  state.imageBytes += counts.decompressed;
  if (failure?.err instanceof CutError) notes.add('bomb', failure.err.message);
  else if (failure?.where === 'pipe')
    notes.add(
      'corrupt',
      `${codec === 'none' ? 'blob' : `${codec} stream`} corrupt or truncated after ${info.entries} entries: ${failure.err.message}`,
    );
  else if (failure)
    notes.add('corrupt', `tar corrupt or truncated after ${info.entries} entries: ${failure.err.message}`);
  if (!failure && blobDigest && blobDigest !== src.digest)
    notes.add(
      'digest',
      `blob content is ${blobDigest}, not the ${src.digest} the manifest names: altered or corrupted in transit (its findings are still reported)`,
    );
  if (!failure && tarDigest && src.diffId && tarDigest !== src.diffId)
    notes.add(
      'digest',
      `uncompressed tar is ${tarDigest}, not the diff id ${src.diffId} the config names: the layer was altered (its findings are still reported)`,
    );
  notes.flush();
  return info;
}

/**
 * The per-image cap for the threaded decoder: the layer's tar up to the cap, then a CutError (the per-layer
 * and ratio caps are applied in the worker; the image's earlier layers are only known here).
 */
function capImage(
  chunks: AsyncIterable<Buffer>,
  state: WalkState,
): { chunks: AsyncIterable<Buffer>; decompressed: () => number } {
  let seen = 0;
  const max = state.limits.maxImageBytes;
  return {
    decompressed: () => seen,
    chunks: {
      [Symbol.asyncIterator]: async function* () {
        for await (const c of chunks) {
          seen += c.length;
          if (state.imageBytes + seen <= max) {
            yield c;
            continue;
          }
          const keep = c.length - (state.imageBytes + seen - max);
          if (keep > 0) yield c.subarray(0, keep);
          state.imageCapHit = true;
          throw new CutError(
            `decompressed size passed the per-image cap of ${max} bytes: layer cut, later layers skipped`,
          );
        }
      },
    },
  };
}

/** Parses the tar (tar-stream), each entry's content pulled only as far as the visitor asks. */
async function walkTar(
  tar: AsyncIterable<Buffer>,
  entries: EntryHandler,
  fail: (where: 'pipe' | 'tar', err: Error) => void,
  failed: () => boolean,
  stop: () => void,
): Promise<void> {
  const extract = tarExtract({ filenameEncoding: 'latin1' } as never);
  extract.on('error', (err: Error) => fail('tar', err));
  const extractClosed = once(extract, 'close').catch(() => undefined);
  let inflight: Promise<void> | undefined;
  extract.on('entry', (header, source, next) => {
    // streamx emits 'error' with or without listeners; a layer that breaks mid-entry is reported, not thrown.
    source.on('error', noop);
    const h = toTarHeader(header);
    const type = entryType(h.type);
    const size = entrySize(h.size);
    // Entries without bytes (and directories, whose stream tar-stream never feeds) have nothing to drain:
    // tar-stream moves on without waiting for their streams. Any other entry's bytes must be drained, even a
    // link's or a device's that a hostile tar gave a size: the visitor sees only a regular file's.
    const drain =
      size > 0 && header.type !== 'directory'
        ? new EntryContent(source as unknown as Readable, type === 'file' ? size : 0)
        : undefined;
    const content = type === 'file' ? drain : undefined;
    const visited = entries.handle(h, content);
    const done = (): void => {
      drain?.drain();
      next();
    };
    if (visited === undefined) done();
    else inflight = visited.then(done);
  });

  // Feed the tar parser with backpressure; stop at the first failure on either side.
  try {
    for await (const chunk of tar) {
      if (failed() || extract.destroyed || extract.destroying) break;
      if (!extract.write(chunk)) await drained(extract);
    }
  } catch (err) {
    fail('pipe', err as Error);
  }
  if (failed()) {
    if (!extract.destroyed) extract.destroy(null as never);
    stop();
  } else extract.end(undefined as never);
  await extractClosed;
  await inflight;
}

/** What the entry handler needs of a tar header (names as tar-stream decoded them: latin1). */
interface TarHeader {
  name: string;
  type: string | null;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  linkname?: string;
  paxPath?: true;
  paxLinkpath?: true;
}

function toTarHeader(header: Header): TarHeader {
  const pax = header.pax as Record<string, unknown> | null | undefined;
  const h: TarHeader = {
    name: header.name,
    type: header.type ?? null,
    mode: header.mode ?? 0,
    uid: header.uid ?? 0,
    gid: header.gid ?? 0,
    size: header.size ?? 0,
  };
  if (header.linkname) h.linkname = header.linkname;
  if (typeof pax?.path === 'string') h.paxPath = true;
  if (typeof pax?.linkpath === 'string') h.paxLinkpath = true;
  return h;
}

const entrySize = (size: number): number => (Number.isFinite(size) && size > 0 ? size : 0);

/** What the visitor reads an entry's content through. */
interface Content {
  read(max: number): Promise<Buffer>;
}

/** Normalises entries (names, whiteouts, duplicates, hardlinks) and hands them to the visitor. */
class EntryHandler {
  constructor(
    private readonly src: LayerSource,
    private readonly state: WalkState,
    private readonly notes: Notes,
    private readonly info: LayerInfo,
  ) {}

  /** A promise only when the visitor returns one; never rejects (visitor failures become notes). */
  handle(h: TarHeader, content: Content | undefined): Promise<void> | undefined {
    const { notes, state } = this;
    this.info.entries++;
    const { name: raw, badUtf8 } = decodeName(h.name, h.paxPath === true);
    if (badUtf8) notes.add('non-UTF-8 name', `name is not UTF-8, kept as latin1: ${quote(raw)}`);
    const norm = normaliseTarPath(raw);
    if (norm.escape === 'traversal')
      notes.add('path traversal', `${quote(raw)} climbs out of the root; read as ${norm.path}`);
    else if (norm.escape === 'absolute') notes.add('absolute path', `absolute name ${quote(raw)}`);
    const type = entryType(h.type);
    const size = entrySize(h.size);
    const wh = type === 'dir' || type === 'file' || type === 'other' ? whiteoutOf(norm.path) : undefined;
    if (wh?.kind === 'meta') return undefined;
    const entry: LayerEntry = {
      path: wh ? wh.path : norm.path,
      rawPath: raw,
      type: wh ? 'other' : type,
      mode: h.mode & 0o7777,
      uid: h.uid,
      gid: h.gid,
      size,
      layer: this.src.index,
      read: content ? (max) => content.read(max) : readNothing,
      ...(wh ? { whiteout: wh.kind } : {}),
    };
    if (h.linkname && (type === 'symlink' || type === 'hardlink'))
      entry.linkname = decodeName(h.linkname, h.paxLinkpath === true).name;
    if (!wh) {
      if (state.paths.add(norm.path) && norm.path !== '/')
        notes.add('duplicate', `duplicate entry ${norm.path} (the later one wins)`);
      if (type === 'hardlink') this.checkHardlink(entry.linkname ?? '');
    }
    const failed = (err: unknown): void =>
      notes.add('analyzer error', `analyzer failed on ${norm.path}: ${(err as Error)?.message ?? err}`);
    try {
      const r = state.visit(entry);
      if (r) return r.catch(failed);
    } catch (err) {
      failed(err);
    }
    return undefined;
  }

  private checkHardlink(target: string): void {
    const { notes, state } = this;
    const t = normaliseTarPath(target);
    if (target === '') notes.add('hardlink', 'hardlink without a target');
    else if (t.escape === 'traversal')
      notes.add('hardlink', `hardlink target ${quote(target)} is outside the image`);
    else if (!state.paths.full && !state.paths.has(t.path))
      notes.add('hardlink', `hardlink target ${quote(target)} is not an earlier entry of this layer`);
  }
}

interface InProcessDecode {
  tar: Readable;
  readonly compressed: number;
  readonly decompressed: number;
  blobDigest(): string | undefined;
  tarDigest(): string | undefined;
}

/** The decoder on the main thread: for uncompressed blobs, and wherever no worker thread can run. */
async function decodeInProcess(
  head: Head,
  codec: 'gzip' | 'zstd' | 'none',
  wantBlobHash: boolean,
  wantTarHash: boolean,
  limits: WalkLimits,
  state: WalkState,
  onError: (err: Error) => void,
): Promise<InProcessDecode> {
  const blobHash = wantBlobHash ? createHash('sha256') : undefined;
  // An uncompressed blob is the tar itself (docker save before Docker 25): one hash serves both checks.
  const tarHash = !wantTarHash ? undefined : codec === 'none' && blobHash ? blobHash : createHash('sha256');
  const hashes = new Map<ReturnType<typeof createHash>, string>();
  const digestOf = (h: ReturnType<typeof createHash> | undefined): string | undefined => {
    if (!h) return undefined;
    let d = hashes.get(h);
    if (d === undefined) {
      d = `sha256:${h.digest('hex')}`;
      hashes.set(h, d);
    }
    return d;
  };
  const out = {
    compressed: 0,
    decompressed: 0,
    blobDigest: () => digestOf(blobHash),
    tarDigest: () => digestOf(tarHash),
    tar: undefined as unknown as Readable,
  };
  let cut: string | undefined;
  const meterIn = meter((chunk) => {
    out.compressed += chunk.length;
    blobHash?.update(chunk);
  });
  const meterOut = meter((chunk) => {
    out.decompressed += chunk.length;
    const decompressed = out.decompressed;
    if (tarHash !== blobHash) tarHash?.update(chunk);
    if (decompressed > limits.maxLayerBytes)
      cut = `decompressed size passed the per-layer cap of ${limits.maxLayerBytes} bytes: layer cut (bomb?)`;
    else if (codec !== 'none' && decompressed > limits.maxRatio * Math.max(out.compressed, 1024 * 1024))
      cut = `decompression ratio passed ${limits.maxRatio}:1 (${out.compressed} bytes in, ${decompressed} out): layer cut (bomb?)`;
    else if (state.imageBytes + decompressed > limits.maxImageBytes) {
      state.imageCapHit = true;
      cut = `decompressed size passed the per-image cap of ${limits.maxImageBytes} bytes: layer cut, later layers skipped`;
    }
    if (cut) throw new CutError(cut);
  });
  const decoder: Transform =
    codec === 'gzip'
      ? zlib.createGunzip({ chunkSize: CHUNK })
      : codec === 'zstd'
        ? await zstdDecoder(CHUNK)
        : new Transform({ transform: (c, _e, cb) => cb(null, c) });
  out.tar = pipeline(head.stream(), meterIn, decoder, meterOut, (err) => {
    if (err) onError(err);
  }) as Readable;
  return out;
}

function meter(onChunk: (chunk: Buffer) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      try {
        onChunk(chunk);
      } catch (err) {
        cb(err as Error);
        return;
      }
      cb(null, chunk);
    },
  });
}

/** Waits for a streamx writable to drain, or to close (destroyed mid-write). */
export function drained(w: {
  once(ev: string, fn: () => void): unknown;
  off(ev: string, fn: () => void): unknown;
}) {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      w.off('drain', done);
      w.off('close', done);
      resolve();
    };
    w.once('drain', done);
    w.once('close', done);
  });
}

/** The first bytes of a blob, and the whole blob again from its first byte (as chunks or as a stream). */
interface Head {
  bytes: Buffer;
  chunks: AsyncIterable<Buffer>;
  stream(): Readable;
  /** Stops reading the blob (idempotent). */
  close(): void;
}

/** Reads at least `n` bytes (or all, if shorter) and returns them with a replay of the whole blob. */
async function readHead(blob: Readable, n: number): Promise<Head | undefined> {
  const chunks: Buffer[] = [];
  let have = 0;
  const it = blob[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let ended = false;
  try {
    while (have < n) {
      const r = await it.next();
      if (r.done) {
        ended = true;
        break;
      }
      chunks.push(r.value);
      have += r.value.length;
    }
  } catch {
    ended = true;
  }
  if (have === 0) return undefined;
  const first = Buffer.concat(chunks);
  async function* replay(): AsyncGenerator<Buffer> {
    yield first;
    if (ended) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    if (!ended) void it.return?.();
    blob.destroy();
  };
  return {
    bytes: first,
    chunks: { [Symbol.asyncIterator]: replay },
    stream: () => {
      const stream = Readable.from(replay(), { objectMode: false, highWaterMark: CHUNK });
      stream.on('close', close);
      return stream;
    },
    close,
  };
}
