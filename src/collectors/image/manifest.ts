// OCI and Docker manifests and indexes, checked at the boundary: descriptors with well-formed digests, the
// platform pick for indexes, and the layer list of an image manifest.
import { TargetError, UsageError } from '../../core/errors.js';
import { isObj, str } from './config.js';
import { formatPlatform, pickPlatform } from './spec.js';
import type { Platform } from './types.js';

export const MEDIA = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
} as const;

export const MANIFEST_ACCEPT = [
  MEDIA.ociIndex,
  MEDIA.dockerList,
  MEDIA.ociManifest,
  MEDIA.dockerManifest,
].join(', ');

export const DIGEST_RE = /^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$/;

export interface Descriptor {
  mediaType?: string;
  digest: string;
  size?: number;
  platform?: Platform;
  annotations: Record<string, string>;
}

export function descriptorOf(raw: unknown): Descriptor | undefined {
  if (!isObj(raw)) return undefined;
  const digest = str(raw.digest);
  if (!digest || !DIGEST_RE.test(digest)) return undefined;
  const annotations: Record<string, string> = {};
  if (isObj(raw.annotations))
    for (const [k, v] of Object.entries(raw.annotations)) if (typeof v === 'string') annotations[k] = v;
  const mediaType = str(raw.mediaType);
  const d: Descriptor = { digest, annotations };
  if (mediaType) d.mediaType = mediaType;
  if (typeof raw.size === 'number' && raw.size >= 0) d.size = raw.size;
  if (isObj(raw.platform)) {
    const os = str(raw.platform.os);
    const architecture = str(raw.platform.architecture);
    const variant = str(raw.platform.variant);
    if (os && architecture) d.platform = { os, architecture, ...(variant ? { variant } : {}) };
  }
  return d;
}

export const isIndex = (mediaType: string | undefined, body: unknown): boolean =>
  mediaType === MEDIA.ociIndex ||
  mediaType === MEDIA.dockerList ||
  (mediaType === undefined && isObj(body) && Array.isArray(body.manifests) && !('layers' in body));

export function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new TargetError(`${what} is not valid JSON: ${(err as Error).message}`);
  }
}

/** An index's usable entries: attestation and unknown-platform entries are not images to scan. */
export function indexEntries(body: unknown): Descriptor[] {
  const list = isObj(body) && Array.isArray(body.manifests) ? body.manifests : [];
  return list
    .map(descriptorOf)
    .filter((d): d is Descriptor => d !== undefined)
    .filter(
      (d) =>
        d.annotations['vnd.docker.reference.type'] !== 'attestation-manifest' &&
        !(d.platform?.os === 'unknown' && d.platform.architecture === 'unknown'),
    );
}

/** Chooses the platform's manifest from an index; an error lists what the index offers. */
export function choosePlatform(
  entries: Descriptor[],
  want: Platform,
  explicit: boolean,
  where: string,
): Descriptor {
  if (entries.length === 0) throw new TargetError(`${where}: the index lists no image manifests`);
  const withPlatform = entries.filter((e) => e.platform);
  if (withPlatform.length === 0) {
    if (entries.length === 1) return entries[0]!;
    throw new UsageError(`${where}: the index lists ${entries.length} images without platforms; name one`);
  }
  const hit = pickPlatform(withPlatform, want, explicit && want.variant !== undefined);
  if (hit) return hit;
  const offered = withPlatform.map((e) => formatPlatform(e.platform!)).join(', ');
  throw new UsageError(
    `${where}: no image for ${formatPlatform(want)} (offered: ${offered})`,
    'choose one with --platform',
  );
}

export interface ImageManifest {
  config: Descriptor;
  layers: Descriptor[];
}

export function parseImageManifest(body: unknown, where: string): ImageManifest {
  if (!isObj(body)) throw new TargetError(`${where}: manifest is not a JSON object`);
  if (body.schemaVersion === 1 || str(body.mediaType) === MEDIA.dockerSchema1)
    throw new TargetError(
      `${where}: Docker schema 1 manifests are not supported`,
      'push the image again with a current client',
    );
  const config = descriptorOf(body.config);
  if (!config) throw new TargetError(`${where}: manifest has no valid config descriptor`);
  const rawLayers = Array.isArray(body.layers) ? body.layers : [];
  const layers = rawLayers.map(descriptorOf);
  if (layers.some((l) => l === undefined))
    throw new TargetError(`${where}: manifest has malformed layer descriptors`);
  return { config, layers: layers as Descriptor[] };
}
