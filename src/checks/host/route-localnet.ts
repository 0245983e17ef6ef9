import { cve, defineCheck, fail, pass, practice, unknown } from '../../core/model.js';
import { hostOrUnknown, isOutcome } from './_locate.js';

const KEY = 'net.ipv4.conf.all.route_localnet';

export default defineCheck({
  id: 'BH-HST-047',
  slug: 'route-localnet',
  title: 'The kernel does not route to loopback addresses (route_localnet=0)',
  severity: 'medium',
  scope: 'host',
  facts: ['host'],
  rationale:
    'With route_localnet=1 the kernel accepts packets for 127.0.0.0/8 from other interfaces, so containers (and ' +
    'hosts on the same L2 segment) can reach services bound to the host loopback only, such as databases and ' +
    'admin APIs (the kube-proxy CVE-2020-8558 hazard; Docker sets it on bridges for ports published on 127.0.0.1).',
  remediation:
    'sysctl -w net.ipv4.conf.all.route_localnet=0 and persist it in /etc/sysctl.d/90-route-localnet.conf; find ' +
    'what enabled it (kube-proxy, a VPN, a firewall script) and configure it not to.',
  refs: [cve('CVE-2020-8558'), practice('P-NET-4'), practice('P-HST-2')],
  evaluate: (s) => {
    const host = hostOrUnknown(s);
    if (isOutcome(host)) return host;
    const v = host.sysctls[KEY];
    if (v === undefined)
      return unknown(`${KEY} was not read${host.errors.sysctls ? `: ${host.errors.sysctls}` : ''}`);
    return v.trim() === '0' ? pass(`${KEY} = 0`) : fail(`${KEY} = ${v.trim()}`);
  },
});
