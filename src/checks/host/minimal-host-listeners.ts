import { cis, defineCheck, fail, pass, practice, unknown } from '../../core/model.js';
import type { ListenerFact } from '../../facts/host.js';
import { hostOrUnknown, isOutcome } from './_locate.js';

/** Processes a Docker host is expected to expose. */
export const EXPECTED_LISTENERS = ['dockerd', 'docker-proxy', 'sshd'];

export const isLoopback = (address: string): boolean =>
  address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');

const endpoint = (l: ListenerFact): string =>
  l.address.includes(':') ? `[${l.address}]:${l.port}` : `${l.address}:${l.port}`;

export default defineCheck({
  id: 'BH-HST-046',
  slug: 'minimal-host-listeners',
  title: 'The host exposes no network services besides Docker and SSH',
  severity: 'info',
  scope: 'host',
  facts: ['host'],
  partial: true,
  rationale:
    'Every extra service listening on the network is attack surface shared by all containers on the host. A ' +
    'container host should run the engine, SSH and little else; other services belong in containers.',
  remediation:
    'Stop and disable services that are not needed (`systemctl disable --now <unit>`), bind the ones that are to ' +
    '127.0.0.1, or move them into containers.',
  refs: [practice('P-HST-2'), cis('1.2.1')],
  evaluate: (s) => {
    const host = hostOrUnknown(s);
    if (isOutcome(host)) return host;
    if (host.listeners.length === 0 && host.errors.listeners)
      return unknown(`listening sockets could not be read: ${host.errors.listeners}`);
    const exposed = host.listeners.filter((l) => !isLoopback(l.address));
    const other = exposed.filter((l) => !(l.process && EXPECTED_LISTENERS.includes(l.process)));
    if (other.length === 0)
      return pass(
        exposed.length
          ? `only ${[...new Set(exposed.map((l) => l.process))].join(', ')} listen on non-loopback addresses`
          : 'nothing listens on a non-loopback address',
      );
    const seen = new Set<string>();
    const lines: string[] = [];
    for (const l of other) {
      const line = `${endpoint(l)}/${l.protocol} ${l.process ? `${l.process} (pid ${l.pid})` : 'process not identified'}`;
      if (!seen.has(line)) lines.push(line);
      seen.add(line);
    }
    const unattributed = other.filter((l) => !l.process);
    if (unattributed.length === other.length && host.errors['listeners.owners'])
      return unknown(`listeners could not be attributed to processes: ${host.errors['listeners.owners']}`, {
        evidence: lines,
      });
    return fail(lines.map((l) => `listening: ${l}`));
  },
});
