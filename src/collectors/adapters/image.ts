// Owned by the image/network-checks work: image inspect + history JSON -> ImageFacts; network JSON -> NetworkFacts.
import type { ImageFacts } from '../../facts/image.js';
import type { NetworkFacts } from '../../facts/network.js';

/** `containers` = how many containers (any state) use the image. */
export function imageFromApi(_inspect: unknown, _history: unknown[], _containers: number): ImageFacts {
  throw new Error('not implemented yet');
}

export function networkFromApi(_network: unknown): NetworkFacts {
  throw new Error('not implemented yet');
}
