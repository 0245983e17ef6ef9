// Images in files: a `docker save` tar (legacy <v1id>/layer.tar layout, or Docker 25+'s OCI layout with a
// manifest.json), an OCI layout directory, or an OCI layout in a tar. Everything is read in place.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { TargetError, UsageError } from '../../core/errors.js';
import { isObj, parseImageConfig, str } from './config.js';
import type { LayerSource } from './layer.js';
import {
  choosePlatform,
  DIGEST_RE,
  indexEntries,
  isIndex,
  parseImageManifest,
  parseJson,
} from './manifest.js';
import { formatPlatform } from './spec.js';
import { openDirStore, openTarStore, type Store } from './store.js';
import type { ImageSpec, OpenedImage, OpenOptions, Platform } from './types.js';
import { limitsOf } from './types.js';
import { attribute, newWalkState, walkSources } from './walk.js';

const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const blobPath = (digest: string): string => `blobs/${digest.replace(':', '/')}`;
const REF_NAME = 'org.opencontainers.image.ref.name';

interface Want {
  platform: Platform;
  explicit: boolean;
}

export async function openFileImage(
  spec: Extract<ImageSpec, { kind: 'docker-archive' | 'oci' | 'archive' }>,
  opts: OpenOptions,
  reference: string,
  want: Want,
): Promise<OpenedImage> {
  let store: Store;
  let isDir = false;
  try {
    isDir = statSync(spec.path).isDirectory();
  } catch (err) {
    throw new TargetError(`cannot read ${spec.path}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  if (isDir) {
    if (spec.kind === 'docker-archive')
      throw new UsageError(`${spec.path} is a directory; docker-archive: wants a tar file`, 'use oci:PATH');
    store = openDirStore(spec.path);
  } else store = await openTarStore(spec.path);
  try {
    const hasManifest = !isDir && store.has('manifest.json');
    const hasIndex = store.has('index.json');
    if (spec.kind === 'docker-archive' || (spec.kind === 'archive' && hasManifest)) {
      if (!hasManifest)
        throw new TargetError(`${spec.path}: no manifest.json: not a docker save archive`, 'try oci:PATH');
      return await openDockerArchive(store, spec.ref, opts, reference);
    }
    if (!hasIndex)
      throw new TargetError(
        `${spec.path}: neither a docker save archive (manifest.json) nor an OCI layout (index.json)`,
      );
    return await openOciLayout(store, spec.ref, opts, reference, want);
  } catch (err) {
    await store.close();
    throw err;
  }
}

async function readJson(store: Store, name: string, max: number): Promise<{ bytes: Buffer; body: unknown }> {
  const bytes = await store.readBytes(name, max);
  return { bytes, body: parseJson(bytes, `${store.where}: ${name}`) };
}

/** A blob by digest; a content mismatch is a problem (the caller decides whether to go on). */
async function readBlobJson(
  store: Store,
  digest: string,
  max: number,
  problems: string[],
  what: string,
): Promise<unknown> {
  const { bytes, body } = await readJson(store, blobPath(digest), max);
  if (digest.startsWith('sha256:') && sha(bytes) !== digest)
    problems.push(`${what} ${digest} does not match its content (${sha(bytes)}): the archive was altered`);
  return body;
}

function finish(
  store: Store,
  meta: Omit<OpenedImage, 'walk' | 'problems' | 'layerCount'>,
  sources: LayerSource[],
  names: Map<number, string>,
  problems: string[],
  opts: OpenOptions,
): OpenedImage {
  const limits = limitsOf(opts);
  return {
    ...meta,
    layerCount: sources.length,
    problems,
    async walk(visit, onLayer) {
      const state = newWalkState(limits, problems, visit);
      try {
        const layers = await walkSources(sources, (src) => store.open(names.get(src.index)!), state, onLayer);
        return attribute(layers, meta.history);
      } finally {
        await store.close();
      }
    },
  };
}

async function openDockerArchive(
  store: Store,
  ref: string | undefined,
  opts: OpenOptions,
  reference: string,
): Promise<OpenedImage> {
  const limits = limitsOf(opts);
  const problems: string[] = [];
  const { body } = await readJson(store, 'manifest.json', limits.maxJsonBytes);
  const entries = (Array.isArray(body) ? body : []).filter(isObj);
  if (entries.length === 0) throw new TargetError(`${store.where}: manifest.json lists no images`);
  const tagsOf = (e: Record<string, unknown>): string[] =>
    Array.isArray(e.RepoTags) ? e.RepoTags.filter((t): t is string => typeof t === 'string') : [];
  let entry: Record<string, unknown> | undefined;
  if (ref !== undefined) {
    const withLatest = ref.includes(':') ? ref : `${ref}:latest`;
    entry = entries.find(
      (e) =>
        tagsOf(e).some((t) => t === ref || t === withLatest) ||
        (ref.length >= 6 &&
          (str(e.Config) ?? '').replace(/^blobs\/sha256\//, '').startsWith(ref.replace(/^sha256:/, ''))),
    );
    if (!entry)
      throw new UsageError(
        `${store.where}: no image ${ref} in the archive`,
        `it holds: ${entries.map((e) => tagsOf(e).join(' ') || str(e.Config)).join(', ')}`,
      );
  } else if (entries.length > 1) {
    throw new UsageError(
      `${store.where} holds ${entries.length} images; name one`,
      `docker-archive:PATH:TAG with one of: ${entries.map((e) => tagsOf(e)[0] ?? str(e.Config)).join(', ')}`,
    );
  } else entry = entries[0]!;

  const configName = str(entry.Config);
  if (!configName) throw new TargetError(`${store.where}: manifest.json names no config`);
  const configBytes = await store.readBytes(configName, limits.maxJsonBytes);
  const id = sha(configBytes);
  const expected = /([a-f0-9]{64})(?:\.json)?$/.exec(configName)?.[1];
  if (expected && `sha256:${expected}` !== id)
    problems.push(`config ${configName} does not match its content (${id}): the archive was altered`);
  const cfg = parseImageConfig(parseJson(configBytes, `${store.where}: ${configName}`), problems);
  const layerPaths = (Array.isArray(entry.Layers) ? entry.Layers : []).filter(
    (l): l is string => typeof l === 'string',
  );
  if (layerPaths.length !== cfg.diffIds.length)
    problems.push(
      `manifest.json lists ${layerPaths.length} layers but the config has ${cfg.diffIds.length} diff ids`,
    );
  const names = new Map<number, string>();
  const sources = layerPaths.map((p, index): LayerSource => {
    names.set(index, p);
    const blob = /^blobs\/sha256\/([a-f0-9]{64})$/.exec(p)?.[1];
    const diffId = layerPaths.length === cfg.diffIds.length ? cfg.diffIds[index] : undefined;
    return blob
      ? { index, digest: `sha256:${blob}`, verifyDigest: true, diffId }
      : { index, digest: diffId ?? '', verifyDigest: false, diffId };
  });
  return finish(
    store,
    {
      reference,
      source: 'docker-archive',
      id,
      repoTags: tagsOf(entry),
      platform: cfg.platform,
      config: cfg.config,
      history: cfg.history,
      ...(cfg.created ? { created: cfg.created } : {}),
    },
    sources,
    names,
    problems,
    opts,
  );
}

async function openOciLayout(
  store: Store,
  ref: string | undefined,
  opts: OpenOptions,
  reference: string,
  want: Want,
): Promise<OpenedImage> {
  const limits = limitsOf(opts);
  const problems: string[] = [];
  const { body: index } = await readJson(store, 'index.json', limits.maxJsonBytes);
  let entries = indexEntries(index);
  if (ref !== undefined) {
    const matches = entries.filter((d) => {
      const names = [d.annotations[REF_NAME], d.annotations['io.containerd.image.name']].filter(
        (n): n is string => n !== undefined,
      );
      return (
        names.some((n) => n === ref || n.endsWith(`:${ref}`) || n.endsWith(`/${ref}`)) || d.digest === ref
      );
    });
    if (matches.length === 0)
      throw new UsageError(
        `${store.where}: no image named ${ref}`,
        `names in index.json: ${entries.map((d) => d.annotations[REF_NAME] ?? d.digest).join(', ')}`,
      );
    entries = matches;
  }
  const where = store.where;
  let desc =
    entries.length === 1 ? entries[0]! : choosePlatform(entries, want.platform, want.explicit, where);
  const repoTags = [desc.annotations['io.containerd.image.name'] ?? desc.annotations[REF_NAME]].filter(
    (t): t is string => t !== undefined,
  );
  let body: unknown;
  for (let depth = 0; ; depth++) {
    if (!DIGEST_RE.test(desc.digest)) throw new TargetError(`${where}: malformed digest ${desc.digest}`);
    body = await readBlobJson(store, desc.digest, limits.maxJsonBytes, problems, 'manifest');
    const mediaType = desc.mediaType ?? (isObj(body) ? str(body.mediaType) : undefined);
    if (!isIndex(mediaType, body)) break;
    if (depth >= 4) throw new TargetError(`${where}: indexes nested too deep`);
    desc = choosePlatform(indexEntries(body), want.platform, want.explicit, where);
  }
  const manifest = parseImageManifest(body, `${where}: ${desc.digest}`);
  const configBody = await readBlobJson(
    store,
    manifest.config.digest,
    limits.maxJsonBytes,
    problems,
    'config',
  );
  const cfg = parseImageConfig(configBody, problems);
  if (
    want.explicit &&
    formatPlatform(cfg.platform) !== formatPlatform(want.platform) &&
    (cfg.platform.os !== want.platform.os || cfg.platform.architecture !== want.platform.architecture)
  )
    problems.push(
      `the image is ${formatPlatform(cfg.platform)}, not the requested ${formatPlatform(want.platform)}`,
    );
  if (manifest.layers.length !== cfg.diffIds.length)
    problems.push(
      `the manifest lists ${manifest.layers.length} layers but the config has ${cfg.diffIds.length} diff ids`,
    );
  const names = new Map<number, string>();
  const sources = manifest.layers.map((l, index): LayerSource => {
    names.set(index, blobPath(l.digest));
    return {
      index,
      digest: l.digest,
      verifyDigest: true,
      diffId: manifest.layers.length === cfg.diffIds.length ? cfg.diffIds[index] : undefined,
      mediaType: l.mediaType,
    };
  });
  return finish(
    store,
    {
      reference,
      source: 'oci',
      id: manifest.config.digest,
      repoTags,
      digest: desc.digest,
      platform: cfg.platform,
      config: cfg.config,
      history: cfg.history,
      ...(cfg.created ? { created: cfg.created } : {}),
    },
    sources,
    names,
    problems,
    opts,
  );
}
