import type { AnyCheck } from '../../core/model.js';

/** Every host-scope check, in id order. Add a line here for each new check file in this folder. */
export const hostChecks: AnyCheck[] = [];
