import type { AnyCheck } from '../../core/model.js';

/** Every container-scope check, in id order. Add a line here for each new check file in this folder. */
export const containerChecks: AnyCheck[] = [];
