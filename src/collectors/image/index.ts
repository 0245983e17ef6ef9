// Image sources for `bulkhead image scan`: open an image wherever it lives, without pulling or extracting
// it, and stream its layers to the analyzers. See types.ts for the contract.

import { openDaemonImage } from './daemon.js';
import { prewarmLayerThread } from './layer-thread.js';
import { openFileImage } from './layout.js';
import { openRegistryImage } from './registry.js';
import { formatPlatform, hostPlatform, parseImageSpec, parsePlatform } from './spec.js';
import type { ImageSpec, OpenedImage, OpenOptions } from './types.js';

export { parseRegistryReference } from './spec.js';
export type { EntryVisitor, ImageSpec, OpenedImage, OpenOptions, Platform, WalkLimits } from './types.js';
export { DEFAULT_LIMITS } from './types.js';
export { formatPlatform, hostPlatform, parseImageSpec, parsePlatform };

const describe = (spec: ImageSpec): string => {
  switch (spec.kind) {
    case 'daemon':
      return `docker:${spec.name}`;
    case 'registry':
      return `registry:${spec.registry}/${spec.repository}${spec.tag ? `:${spec.tag}` : ''}${spec.digest ? `@${spec.digest}` : ''}`;
    default:
      return `${spec.kind === 'archive' ? '' : `${spec.kind}:`}${spec.path}${spec.ref ? `:${spec.ref}` : ''}`;
  }
};

/**
 * Opens an image: metadata (config, history, layer count) is read now; layers stream on walk(). Throws
 * UsageError/TargetError when the image cannot be found or read at all.
 */
export async function openImage(spec: ImageSpec | string, opts: OpenOptions = {}): Promise<OpenedImage> {
  const parsed = typeof spec === 'string' ? parseImageSpec(spec) : spec;
  prewarmLayerThread();
  const reference = typeof spec === 'string' ? spec : describe(spec);
  const want = {
    platform: opts.platform ? parsePlatform(opts.platform) : hostPlatform(),
    explicit: opts.platform !== undefined,
  };
  switch (parsed.kind) {
    case 'daemon':
      return openDaemonImage(parsed, opts, reference);
    case 'registry':
      return openRegistryImage(parsed, opts, reference, want);
    default:
      return openFileImage(parsed, opts, reference, want);
  }
}
