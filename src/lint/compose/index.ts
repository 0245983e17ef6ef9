// Public surface of compose linting (the CLI's `bulkhead lint` uses lintCompose).
export { InterpolationError, interpolate, parseDotEnv } from './interpolate.js';
export type { LintComposeOptions, LintComposeResult } from './lint.js';
export { lintCompose, RUNTIME_ONLY_CHECKS, RUNTIME_REASON } from './lint.js';
export type {
  ComposeFile,
  ComposeProject,
  ComposeResource,
  ComposeService,
  LoadOptions,
  LocMap,
  SourceLoc,
} from './load.js';
export { DEFAULT_MAX_BYTES, loadCompose } from './load.js';
export type { SpecOptions, SpecResult } from './spec.js';
export {
  parseBytes,
  parseCpus,
  parseDuration,
  parsePortShort,
  serviceToSpec,
  serviceToSpecWithLocations,
} from './spec.js';
export type { VolumesFromOptions, VolumesFromService } from './volumes-from.js';
export { applyVolumesFrom, parseVolumesFrom } from './volumes-from.js';
