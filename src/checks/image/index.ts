import type { AnyCheck } from '../../core/model.js';

/** Every image-scope check, in id order. Add a line here for each new check file in this folder. */
export const imageChecks: AnyCheck[] = [];
