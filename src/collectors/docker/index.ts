// The Docker Engine collector: resolve where the daemon is, connect (negotiating the API version),
// and collect the facts the selected checks need.
export {
  type ClientOptions,
  connect,
  DEFAULT_TIMEOUT_MS,
  type EngineClient,
  EngineRequestError,
  isNotFound,
  MAX_API_VERSION,
  MIN_TESTED_API_VERSION,
  negotiateApiVersion,
} from './client.js';
export { type CollectOptions, collectDocker, DEFAULT_CONCURRENCY, type DockerFacts } from './collect.js';
export {
  type ConnectionFlags,
  connectionFact,
  describeConnection,
  isLocalEndpoint,
  type ResolvedConnection,
  resolveConnection,
  type TlsFlags,
  type TlsSettings,
} from './connection.js';
export { createLimiter, mapPool } from './pool.js';
