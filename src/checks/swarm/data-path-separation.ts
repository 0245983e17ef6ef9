import { swarmInactive } from '../../analysis/outcome.js';
import { cis, defineCheck, fail, notApplicable, pass, practice, unknown } from '../../core/model.js';

const hostOf = (addr: string): string =>
  addr
    .trim()
    .replace(/^\[([^\]]*)\](:\d+)?$/, '$1')
    .replace(/^([^:]*):\d+$/, '$1');

export default defineCheck({
  id: 'BH-SWM-008',
  slug: 'data-path-separation',
  title: 'Swarm data-plane traffic is separated from management traffic',
  severity: 'info',
  scope: 'swarm',
  facts: ['daemon'],
  partial: true,
  rationale:
    'When container (data-plane) traffic shares the management interface, a flood of application traffic can starve cluster control, and both are exposed on the same network.',
  remediation:
    'Join or initialise the node with a separate data-path interface: `docker swarm init --advertise-addr <mgmt-ip> --data-path-addr <data-ip>`.',
  refs: [cis('7.9'), practice('P-NET-4')],
  evaluate: (snap) => {
    const off = swarmInactive(snap);
    if (off) return notApplicable(off);
    const sw = snap.swarm;
    if (!sw?.listenAddr && !sw?.dataPathAddr)
      return unknown(
        'the data-path address is not exposed by the API and docker-state.json was not collected',
      );
    const adv = sw.advertiseAddr ? hostOf(sw.advertiseAddr) : undefined;
    if (!sw.dataPathAddr)
      return fail(
        `no --data-path-addr: data traffic uses the advertise address${adv ? ` ${adv}` : ''} (docker-state.json DataPathAddr is empty)`,
      );
    const data = hostOf(sw.dataPathAddr);
    if (adv && data === adv) return fail(`data-path address ${data} equals the advertise address ${adv}`);
    return pass(`data-path address ${data}${adv ? `, advertise address ${adv}` : ''}`);
  },
});
