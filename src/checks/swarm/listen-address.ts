import { swarmInactive } from '../../analysis/outcome.js';
import { isAnyAddress } from '../../analysis/remote-api.js';
import { cis, defineCheck, fail, notApplicable, pass, practice, unknown } from '../../core/model.js';

/** "0.0.0.0:2377", "[::]:2377", ":2377", "eth0:2377" -> host part. */
const hostOf = (addr: string): string => {
  const m = /^(?:\[([^\]]*)\]|(.*?))(?::\d+)?$/.exec(addr.trim());
  return (m?.[1] ?? m?.[2] ?? '').trim();
};

export default defineCheck({
  id: 'BH-SWM-002',
  slug: 'listen-address',
  title: 'Swarm services are bound to a specific host interface',
  severity: 'medium',
  scope: 'swarm',
  facts: ['daemon'],
  rationale:
    'By default the swarm cluster-management port (2377) listens on every address, so every network the host is attached to can reach the manager API.',
  remediation:
    'Bind the swarm to the management interface: `docker swarm init --listen-addr <ip>:2377 --advertise-addr <ip>` (existing swarms: `docker swarm leave` and re-join/init with --listen-addr, or update the node on re-join).',
  refs: [cis('7.2'), practice('P-NET-4')],
  evaluate: (snap) => {
    const off = swarmInactive(snap);
    if (off) return notApplicable(off);
    const listen = snap.swarm?.listenAddr;
    if (listen) {
      const h = hostOf(listen);
      return isAnyAddress(h)
        ? fail(`swarm ListenAddr = ${listen} (docker-state.json): every address`)
        : pass(`swarm ListenAddr = ${listen} (docker-state.json)`);
    }
    const listeners = (snap.host?.listeners ?? []).filter(
      (l) => (l.port === 2377 || l.port === 7946) && (l.process === undefined || l.process === 'dockerd'),
    );
    if (listeners.length === 0)
      return unknown(
        'the swarm listen address is not exposed by the API, and neither docker-state.json nor TCP listeners on 2377/7946 were collected',
      );
    const wide = listeners.filter((l) => isAnyAddress(l.address));
    const show = (l: (typeof listeners)[number]) =>
      `${l.address.includes(':') ? `[${l.address}]` : l.address}:${l.port}`;
    if (wide.length) return fail(wide.map((l) => `swarm port listening on every address: ${show(l)}`));
    return pass(listeners.map((l) => `swarm port bound to ${show(l)}`));
  },
});
