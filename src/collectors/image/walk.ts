// The walk every source shares once it can open a layer blob on demand: layers one at a time, in order,
// each streamed through walkLayer; what a layer could not give becomes a problem and the walk goes on.
import type { Readable } from 'node:stream';
import type { HistoryStep, LayerInfo } from '../../facts/image-scan.js';
import { type LayerSource, shortDigest, type WalkState, walkLayer } from './layer.js';
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

export const emptyInfo = (src: LayerSource): LayerInfo => ({
  index: src.index,
  digest: src.digest,
  size: 0,
  entries: 0,
  ...(src.diffId ? { diffId: src.diffId } : {}),
  ...(src.mediaType ? { mediaType: src.mediaType } : {}),
});

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

export async function walkSources(
  sources: readonly LayerSource[],
  openBlob: OpenBlob,
  state: WalkState,
  onLayer: ((l: LayerInfo) => void) | undefined,
  isFatal: (err: unknown) => boolean = () => false,
): Promise<LayerInfo[]> {
  const out: LayerInfo[] = [];
  let skipped = 0;
  for (const src of sources) {
    let info: LayerInfo;
    if (state.imageCapHit) {
      skipped++;
      info = emptyInfo(src);
    } else {
      let blob: Readable | undefined;
      try {
        blob = await openBlob(src);
      } catch (err) {
        if (isFatal(err)) throw err;
        state.problems.push(
          `layer ${src.index}${src.digest ? ` (${shortDigest(src.digest)})` : ''}: cannot read the blob: ${(err as Error).message ?? err}`,
        );
      }
      info = blob ? await walkLayer(src, blob, state) : emptyInfo(src);
    }
    out.push(info);
    onLayer?.(info);
  }
  if (skipped > 0) state.problems.push(`${skipped} layers not scanned: the per-image size cap was reached`);
  return out;
}
