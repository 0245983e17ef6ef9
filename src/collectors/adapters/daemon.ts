// Owned by the daemon-checks work: /version, /info, /networks/bridge, /swarm... JSON -> daemon facts.
import type { ConnectionFact, DaemonFacts, SwarmFact } from '../../facts/daemon.js';

export function daemonFromApi(
  _connection: ConnectionFact,
  _version: unknown,
  _info: unknown,
  _bridgeNetwork?: unknown,
): DaemonFacts {
  throw new Error('not implemented yet');
}

export interface SwarmRaw {
  swarm?: unknown;
  nodes?: unknown[];
  services?: unknown[];
  secrets?: unknown[];
  info?: unknown;
}

export function swarmFromApi(_raw: SwarmRaw): SwarmFact {
  throw new Error('not implemented yet');
}
