import type { NetworkFacts } from '../../../facts/network.js';

export const OPT_DEFAULT_BRIDGE = 'com.docker.network.bridge.default_bridge';
export const OPT_ICC = 'com.docker.network.bridge.enable_icc';
export const OPT_HOST_BINDING = 'com.docker.network.bridge.host_binding_ipv4';
export const OPT_BRIDGE_NAME = 'com.docker.network.bridge.name';

/** The engine's default `bridge` network (docker0), judged by the daemon checks. */
export const isDefaultBridge = (n: NetworkFacts): boolean =>
  n.options[OPT_DEFAULT_BRIDGE] === 'true' || (n.name === 'bridge' && n.driver === 'bridge');

/** The Linux interface of a bridge network: the name option, else br-<first 12 of the id>. */
export const bridgeInterface = (n: NetworkFacts): string =>
  n.options[OPT_BRIDGE_NAME] ?? (isDefaultBridge(n) ? 'docker0' : `br-${n.id.slice(0, 12)}`);

export const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
