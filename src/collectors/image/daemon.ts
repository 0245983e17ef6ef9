// Images in the local daemon, streamed from the Engine API: inspect + history for the metadata, then
// GET /images/{id}/get (a `docker save` tar) parsed in one pass. Docker writes that tar in file-name order,
// so manifest.json (the layer order) comes last; each layer's index is found before its content streams:
//   - Docker 25+ names uncompressed layer blobs by their diff id (blobs/sha256/<diffid>);
//   - older daemons name a layer's directory by a v1 id that is a hash of the directory's `json` (which
//     comes first) and the layer's chain id, so the id can be recomputed and matched;
//   - anything still unplaced (e.g. compressed blobs from the containerd store) is skipped, and a second
//     request streams just those once manifest.json has said where they belong.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { type Header, extract as tarExtract } from 'tar-stream';
import { TargetError } from '../../core/errors.js';
import type { LayerInfo } from '../../facts/image-scan.js';
import { connect, type EngineClient, isNotFound } from '../docker/client.js';
import { describeConnection, type ResolvedConnection, resolveConnection } from '../docker/connection.js';
import { historyFromEngine, isObj, normaliseConfig, parseImageConfig, str } from './config.js';
import { drained, type LayerSource, type WalkState, walkLayer } from './layer.js';
import type { ImageSpec, OpenedImage, OpenOptions } from './types.js';
import { limitsOf } from './types.js';
import { attribute, emptyInfo, newWalkState } from './walk.js';

const HEX64 = /^[a-f0-9]{64}$/;
const sha256hex = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');

/** chainID(n) = sha256(chainID(n-1) + " " + diffID(n)), chainID(0) = diffID(0). */
export function chainIds(diffIds: readonly string[]): string[] {
  const out: string[] = [];
  for (const d of diffIds)
    out.push(out.length === 0 ? d : `sha256:${sha256hex(`${out[out.length - 1]} ${d}`)}`);
  return out;
}

/** The top-level members of a JSON object as raw text (Go marshals compactly: no re-encoding needed). */
export function topLevelRaw(text: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  let i = 0;
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const skipString = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  ws();
  if (text[i] !== '{') return undefined;
  i++;
  ws();
  if (text[i] === '}') return out;
  for (;;) {
    ws();
    if (text[i] !== '"') return undefined;
    const ks = i;
    skipString();
    let key: string;
    try {
      key = JSON.parse(text.slice(ks, i)) as string;
    } catch {
      return undefined;
    }
    ws();
    if (text[i] !== ':') return undefined;
    i++;
    ws();
    const vs = i;
    let depth = 0;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        skipString();
        if (depth === 0) break;
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        if (depth === 0) break;
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
      } else if (c === ',' && depth === 0) break;
      i++;
    }
    out.set(key, text.slice(vs, i).trim());
    ws();
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '}') return out;
    return undefined;
  }
}

/** moby's v1.CreateID: sha256 of the config with `layer_id` (and `parent`) added, keys sorted. */
function createId(fields: Map<string, string>): string {
  const keys = [...fields.keys()].sort();
  return sha256hex(`{${keys.map((k) => `${JSON.stringify(k)}:${fields.get(k)}`).join(',')}}`);
}

/**
 * Which layer a legacy `docker save` directory holds, from its `json` (see moby image/tarexport/save.go):
 * the top layer's json is the image's own v1 config; every lower one is the same minimal template.
 */
export class V1Ids {
  private readonly chains: string[];
  private readonly byTemplate = new Map<string, Map<string, number>>();

  constructor(diffIds: readonly string[]) {
    this.chains = chainIds(diffIds);
  }

  indexOf(dir: string, json: string): number | undefined {
    const f = topLevelRaw(json);
    const n = this.chains.length;
    if (!f || n === 0) return undefined;
    const parentRaw = f.get('parent');
    const parentHex = parentRaw ? (JSON.parse(parentRaw) as unknown) : undefined;
    const fieldsWith = (
      base: Map<string, string>,
      i: number,
      parent: string | undefined,
    ): Map<string, string> => {
      const m = new Map(base);
      m.set('layer_id', JSON.stringify(this.chains[i]));
      if (parent !== undefined) m.set('parent', JSON.stringify(`sha256:${parent}`));
      return m;
    };
    // The top layer: its own fields; `parent` is the lower layer's v1 id (absent or the image's build
    // parent for a one-layer image, kept as written).
    const top = new Map(f);
    top.delete('id');
    const lowerParent = typeof parentHex === 'string' && HEX64.test(parentHex) ? parentHex : undefined;
    if (lowerParent !== undefined) top.delete('parent');
    if (createId(fieldsWith(top, n - 1, lowerParent)) === dir) return n - 1;
    if (n === 1) return undefined;
    // Lower layers: the template without id, parent and os (os is set after the id is computed).
    const tpl = new Map(f);
    for (const k of ['id', 'parent', 'os']) tpl.delete(k);
    const key = [...tpl].map(([k, v]) => `${k}=${v}`).join('\n');
    let ids = this.byTemplate.get(key);
    if (!ids) {
      if (this.byTemplate.size >= 4) return undefined;
      ids = new Map();
      let parent: string | undefined;
      for (let i = 0; i < n - 1; i++) {
        const id = createId(fieldsWith(tpl, i, parent));
        ids.set(id, i);
        parent = id;
      }
      this.byTemplate.set(key, ids);
    }
    return ids.get(dir);
  }
}

/** A streaming GET on the Engine API (the JSON client buffers; a save stream is gigabytes). */
function streamGet(c: ResolvedConnection, apiVersion: string, path: string): Promise<IncomingMessage> {
  if (c.protocol !== 'unix' && c.protocol !== 'tcp')
    throw new TargetError(
      `streaming an image from ${describeConnection(c)} is not supported`,
      'save it first (docker save -o img.tar NAME) and scan docker-archive:img.tar',
    );
  const tls = c.protocol === 'tcp' && c.tls !== undefined;
  const pem = (p: string | undefined): Buffer | undefined => (p ? readFileSync(p) : undefined);
  const agent = tls
    ? new HttpsAgent({
        rejectUnauthorized: c.tls!.verify,
        ...(c.tls!.caFile ? { ca: pem(c.tls!.caFile) } : {}),
        ...(c.tls!.certFile ? { cert: pem(c.tls!.certFile) } : {}),
        ...(c.tls!.keyFile ? { key: pem(c.tls!.keyFile) } : {}),
      })
    : new HttpAgent();
  const target = c.protocol === 'unix' ? { socketPath: c.socketPath } : { host: c.host, port: c.port };
  return new Promise((resolve, reject) => {
    const req = (tls ? httpsRequest : httpRequest)(
      {
        ...target,
        path: `/v${apiVersion}${path}`,
        method: 'GET',
        agent,
        headers: c.protocol === 'unix' ? { Host: 'docker' } : {},
      },
      (res) => {
        if (res.statusCode !== 200) {
          const chunks: Buffer[] = [];
          res.on('data', (b: Buffer) => chunks.length < 64 && chunks.push(b));
          res.on('end', () =>
            reject(
              new TargetError(
                `GET ${path} on ${describeConnection(c)}: HTTP ${res.statusCode}: ${Buffer.concat(chunks).toString('utf8').trim().slice(0, 300)}`,
              ),
            ),
          );
          return;
        }
        resolve(res);
      },
    );
    req.on('error', (err) =>
      reject(
        new TargetError(
          `GET ${path} on ${describeConnection(c)}: ${(err as NodeJS.ErrnoException).code ?? err.message}`,
        ),
      ),
    );
    req.end();
  });
}

/**
 * A tar member as a Node stream whose destroy() drains the member instead of killing the outer tar
 * (tar-stream ends the whole archive when a member stream is destroyed).
 */
function memberStream(source: Readable): { stream: Readable; done: Promise<void> } {
  let cut = false;
  const done = new Promise<void>((resolve) => {
    source.once('end', resolve);
    source.once('close', resolve);
    source.once('error', () => resolve());
  });
  const stream = new Readable({
    highWaterMark: 256 * 1024,
    read() {
      source.resume();
    },
    destroy(err, cb) {
      cut = true;
      source.resume();
      cb(err);
    },
  });
  source.on('data', (c: Buffer) => {
    if (cut) return;
    if (!stream.push(c)) source.pause();
  });
  source.on('end', () => {
    if (!cut) stream.push(null);
  });
  source.on('error', (err: Error) => {
    if (!cut) stream.destroy(err);
  });
  return { stream, done };
}

const readSmall = async (source: Readable, max: number): Promise<Buffer | undefined> => {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of source as AsyncIterable<Buffer>) {
    n += c.length;
    if (n <= max) chunks.push(c);
  }
  return n <= max ? Buffer.concat(chunks) : undefined;
};

interface Pass {
  /** Layer index for a member name, or undefined to skip it. */
  place(name: string): number | undefined;
  onSmall(name: string, bytes: Buffer): void;
  wantsSmall(name: string, size: number): boolean;
  allDone(): boolean;
}

/** One pass over a save stream: small JSON members handed over, placed layers walked, the rest skipped. */
async function runPass(
  res: IncomingMessage,
  pass: Pass,
  walkOne: (index: number, blob: Readable) => Promise<void>,
): Promise<void> {
  const extract = tarExtract();
  let failure: Error | undefined;
  extract.on('error', (err: Error) => {
    failure ??= err;
  });
  const finished = new Promise<void>((resolve) => extract.on('close', () => resolve()));
  extract.on('entry', (header: Header, source, next) => {
    const src = source as unknown as Readable;
    src.on('error', () => {});
    void (async () => {
      const name = header.name.replace(/^\.\//, '');
      try {
        if (header.type === 'file' && pass.wantsSmall(name, header.size ?? 0)) {
          const b = await readSmall(src, 16 * 1024 * 1024);
          if (b) pass.onSmall(name, b);
        } else if (header.type === 'file') {
          const index = pass.place(name);
          if (index !== undefined) {
            const { stream, done } = memberStream(src);
            await walkOne(index, stream);
            await done;
          } else {
            src.resume();
            await new Promise<void>((r) => {
              src.once('end', r);
              src.once('close', r);
            });
          }
        } else src.resume();
        next();
      } catch (err) {
        next(err as Error);
      }
    })();
  });
  const input = res as Readable;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      if (failure) break;
      if (!extract.write(chunk)) await drained(extract);
      if (pass.allDone()) break;
    }
  } catch (err) {
    failure ??= err as Error;
  }
  if (pass.allDone() || failure) {
    res.destroy();
    extract.destroy(null as never);
  } else extract.end(undefined as never);
  await finished;
  if (failure && !pass.allDone()) throw failure;
}

export async function openDaemonImage(
  spec: Extract<ImageSpec, { kind: 'daemon' }>,
  opts: OpenOptions,
  reference: string,
): Promise<OpenedImage> {
  const env = opts.env ?? process.env;
  const conn = resolveConnection(opts.connection ?? {}, env);
  const client: EngineClient = await connect(conn, {
    timeoutMs: opts.timeoutMs ?? 30_000,
    env: env as NodeJS.ProcessEnv,
  });
  let inspect: Record<string, unknown>;
  try {
    inspect = await client.inspectImage(spec.name);
  } catch (err) {
    if (isNotFound(err))
      throw new TargetError(
        `no image ${spec.name} in the daemon at ${describeConnection(conn)}`,
        'pull or build it first, or scan registry:NAME',
      );
    throw err;
  }
  const id = str(inspect.Id) ?? '';
  if (!/^sha256:[a-f0-9]{64}$/.test(id))
    throw new TargetError(`the daemon returned an invalid image id for ${spec.name}`);
  const rootfs = isObj(inspect.RootFS) ? inspect.RootFS : {};
  const diffIds = (Array.isArray(rootfs.Layers) ? rootfs.Layers : []).filter(
    (d): d is string => typeof d === 'string',
  );
  const historyProblems: string[] = [];
  const history = historyFromEngine(await client.imageHistory(id), diffIds.length, historyProblems);
  const problems: string[] = [];
  const limits = limitsOf(opts);
  const variant = str(inspect.Variant);
  const created = str(inspect.Created);
  const repoDigest = (Array.isArray(inspect.RepoDigests) ? inspect.RepoDigests : [])
    .map((d) => (typeof d === 'string' ? /@(sha256:[a-f0-9]{64})$/.exec(d)?.[1] : undefined))
    .find((d) => d !== undefined);
  const opened: OpenedImage & { passes: number } = {
    reference,
    source: 'daemon',
    id,
    repoTags: (Array.isArray(inspect.RepoTags) ? inspect.RepoTags : []).filter(
      (t): t is string => typeof t === 'string' && t !== '<none>:<none>',
    ),
    ...(repoDigest ? { digest: repoDigest } : {}),
    platform: {
      os: str(inspect.Os) ?? 'linux',
      architecture: str(inspect.Architecture) ?? 'unknown',
      ...(variant ? { variant } : {}),
    },
    ...(created ? { created } : {}),
    config: normaliseConfig(inspect.Config),
    history,
    layerCount: diffIds.length,
    problems,
    passes: 0,
    async walk(visit, onLayer) {
      const state = newWalkState(limits, problems, visit);
      const infos: (LayerInfo | undefined)[] = new Array(diffIds.length).fill(undefined);
      const byDiffHex = new Map(diffIds.map((d, i) => [d.replace(/^sha256:/, ''), i] as const));
      const v1 = new V1Ids(diffIds);
      const v1Json = new Map<string, string>();
      let manifestLayers: string[] | undefined;
      let configSeen = false;
      const idHex = id.slice(7);

      const sourceFor = (index: number, name: string): LayerSource => {
        const blob = /^blobs\/sha256\/([a-f0-9]{64})$/.exec(name)?.[1];
        return blob
          ? { index, digest: `sha256:${blob}`, verifyDigest: true, diffId: diffIds[index] }
          : { index, digest: diffIds[index] ?? '', verifyDigest: false, diffId: diffIds[index] };
      };
      const walkOne = (name: string) => async (index: number, blob: Readable) => {
        if (state.imageCapHit) {
          blob.destroy();
          infos[index] = emptyInfo(sourceFor(index, name));
          return;
        }
        const info = await walkLayer(sourceFor(index, name), blob, state as WalkState);
        infos[index] = info;
        onLayer?.(info);
      };
      let current = '';
      const small: Pass['onSmall'] = (name, bytes) => {
        if (name === 'manifest.json') {
          try {
            const m = JSON.parse(bytes.toString('utf8')) as unknown;
            const first = Array.isArray(m) ? m.find(isObj) : undefined;
            const layers = first && Array.isArray(first.Layers) ? first.Layers : [];
            manifestLayers = layers.map((l) => String(l).replace(/^\.\//, ''));
          } catch {
            problems.push('the daemon sent an unreadable manifest.json');
          }
          return;
        }
        const dir = /^([a-f0-9]{64})\/json$/.exec(name)?.[1];
        if (dir) {
          if (v1Json.size < diffIds.length + 8) v1Json.set(dir, bytes.toString('utf8'));
          return;
        }
        // The image config: its history has the empty_layer flags the history endpoint lacks.
        try {
          const exactProblems: string[] = [];
          const exact = parseImageConfig(JSON.parse(bytes.toString('utf8')), exactProblems).history;
          if (exact.length > 0) {
            history.splice(0, history.length, ...exact);
            problems.push(...exactProblems);
            configSeen = true;
          }
        } catch {
          // keep the history endpoint's view
        }
      };
      const isConfig = (name: string): boolean =>
        name === `${idHex}.json` || name === `blobs/sha256/${idHex}`;
      const pass1: Pass = {
        wantsSmall: (name, size) =>
          name === 'manifest.json' ||
          (/^[a-f0-9]{64}\/json$/.test(name) && size < 1024 * 1024) ||
          isConfig(name),
        onSmall: small,
        place(name) {
          current = name;
          let index: number | undefined;
          const blob = /^blobs\/sha256\/([a-f0-9]{64})$/.exec(name)?.[1];
          if (blob) index = byDiffHex.get(blob);
          if (index === undefined && manifestLayers) {
            const i = manifestLayers.indexOf(name);
            if (i >= 0) index = i;
          }
          const dir = /^([a-f0-9]{64})\/layer\.tar$/.exec(name)?.[1];
          if (index === undefined && dir && v1Json.has(dir)) index = v1.indexOf(dir, v1Json.get(dir)!);
          if (index === undefined || infos[index] !== undefined) return undefined;
          return index;
        },
        allDone: () => false,
      };
      const open = () => streamGet(conn, client.apiVersion, `/images/${id}/get`);
      opened.passes = 1;
      await runPass(await open(), pass1, (index, blob) => walkOne(current)(index, blob));

      const missing = infos.flatMap((x, i) => (x === undefined ? [i] : []));
      if (missing.length > 0 && !state.imageCapHit) {
        if (!manifestLayers || manifestLayers.length !== diffIds.length)
          problems.push(
            `the daemon's save stream does not list the ${diffIds.length} layers the image has; ${missing.length} not scanned`,
          );
        else {
          const wanted = new Map(missing.map((i) => [manifestLayers![i]!, i] as const));
          opened.passes = 2;
          const pass2: Pass = {
            wantsSmall: () => false,
            onSmall: () => {},
            place(name) {
              current = name;
              const i = wanted.get(name);
              return i !== undefined && infos[i] === undefined ? i : undefined;
            },
            allDone: () => missing.every((i) => infos[i] !== undefined),
          };
          await runPass(await open(), pass2, (index, blob) => walkOne(current)(index, blob));
        }
      }
      if (!configSeen) problems.push(...historyProblems);
      const out = infos.map((x, i) => x ?? emptyInfo(sourceFor(i, manifestLayers?.[i] ?? '')));
      const unscanned = infos.filter((x) => x === undefined).length;
      if (unscanned > 0 && !state.imageCapHit)
        problems.push(`${unscanned} layers could not be read from the daemon`);
      if (state.imageCapHit) problems.push('some layers not scanned: the per-image size cap was reached');
      return attribute(out, history);
    },
  };
  return opened;
}
