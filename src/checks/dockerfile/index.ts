import type { AnyCheck } from '../../core/model.js';
import { group as a } from './_group-a.js';
import { group as b } from './_group-b.js';
import { group as c } from './_group-c.js';
import suppressionReason from './suppression-reason.js';

/** Dockerfile rules (`bulkhead lint`): a = base image, identity, runtime defaults; b = secrets and supply
 * chain; c = packages. */
export const dockerfileChecks: readonly AnyCheck[] = [...a, ...b, ...c, suppressionReason];
