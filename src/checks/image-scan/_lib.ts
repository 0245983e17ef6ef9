// Shared helpers for image-scan checks: which layer (and which Dockerfile instruction) a finding came from.
import { fail, type Outcome, pass } from '../../core/model.js';
import type { ImageScanFacts } from '../../facts/image-scan.js';

/** `layer 3 (RUN apt-get install -y curl)`: the per-layer attribution users act on. */
export function layerLabel(img: ImageScanFacts, layer: number): string {
  const by = img.layers[layer]?.createdBy?.replace(/\s+/g, ' ').trim();
  const short = by && by.length > 100 ? `${by.slice(0, 97)}…` : by;
  return short ? `layer ${layer} (${short})` : `layer ${layer}`;
}

export const scanFail = (message: string, path?: string): Outcome =>
  fail(path !== undefined ? { message, path } : message);

export const verdict = (found: Outcome[], passMessage: string): Outcome | Outcome[] =>
  found.length > 0 ? found : pass(passMessage);
