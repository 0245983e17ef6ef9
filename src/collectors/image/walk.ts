// The walk every source shares once it can open a layer blob on demand: layers one at a time, in order,
// each streamed through walkLayer; what a layer could not give becomes a problem and the walk goes on.
import type { Readable } from 'node:stream';
import type { HistoryStep, LayerInfo } from '../../facts/image-scan.js';
import {
  type LayerSource,
  layerInfo,
  type PreparedLayer,
  prepareLayer,
  shortDigest,
  type WalkState,
} from './layer.js';
import { PathSet } from './path.js';
import type { EntryVisitor, WalkLimits } from './types.js';

export function newWalkState(limits: WalkLimits, problems: string[], visit: EntryVisitor): WalkState {
  return {
    limits,
    problems,
    visit,
    imageBytes: 0,
    imageCapHit: false,
    paths: new PathSet(limits.maxTrackedPaths),
  };
}

/** A layer that was not read (skipped, or its blob unreadable); createdBy comes later from attribute(). */
export const emptyInfo = (src: LayerSource): LayerInfo => layerInfo({ ...src, createdBy: undefined });

/** Fills each layer's createdBy from the history steps that made it. */
export function attribute(layers: LayerInfo[], history: readonly HistoryStep[]): LayerInfo[] {
  const by = new Map<number, string>();
  for (const h of history) if (h.layer !== null) by.set(h.layer, h.createdBy);
  for (const l of layers) {
    const c = by.get(l.index);
    if (c !== undefined) l.createdBy = c;
  }
  return layers;
}

/** Whether a failure opening a blob means the whole source is gone (so the walk rejects). */
export type OpenBlob = (src: LayerSource) => Promise<Readable>;

/**
 * Walks the layers in order. The next layer's blob is opened and its decoding started (in the worker
 * thread) while the current one is analysed, so the analyzers and decompression overlap across layers too;
 * what opening a layer reports is still reported in layer order.
 */
export async function walkSources(
  sources: readonly LayerSource[],
  openBlob: OpenBlob,
  state: WalkState,
  onLayer: ((l: LayerInfo) => void) | undefined,
  isFatal: (err: unknown) => boolean = () => false,
): Promise<LayerInfo[]> {
  type Opened = { prepared: PreparedLayer } | { error: unknown } | undefined;
  const open = async (src: LayerSource): Promise<Opened> => {
    let blob: Readable;
    try {
      blob = await openBlob(src);
    } catch (error) {
      return { error };
    }
    return { prepared: await prepareLayer(src, blob, state) };
  };
  const out: LayerInfo[] = [];
  let skipped = 0;
  let next: Promise<Opened> | undefined = sources[0] ? open(sources[0]) : undefined;
  try {
    for (let i = 0; i < sources.length; i++) {
      const src = sources[i]!;
      const current = await next;
      next = undefined;
      let info: LayerInfo;
      if (state.imageCapHit || current === undefined) {
        if (current && 'prepared' in current) current.prepared.cancel();
        skipped++;
        info = emptyInfo(src);
      } else if ('error' in current) {
        if (isFatal(current.error)) throw current.error;
        state.problems.push(
          `layer ${src.index}${src.digest ? ` (${shortDigest(src.digest)})` : ''}: cannot read the blob: ${(current.error as Error)?.message ?? current.error}`,
        );
        info = emptyInfo(src);
      } else {
        const following = sources[i + 1];
        if (following) next = open(following);
        info = await current.prepared.walk();
      }
      if (!next && !state.imageCapHit && sources[i + 1]) next = open(sources[i + 1]!);
      out.push(info);
      onLayer?.(info);
    }
  } finally {
    // A walk that stops early (a fatal error) leaves no decoding behind.
    const left = await next?.catch(() => undefined);
    if (left && 'prepared' in left) left.prepared.cancel();
  }
  if (skipped > 0) state.problems.push(`${skipped} layers not scanned: the per-image size cap was reached`);
  return out;
}
