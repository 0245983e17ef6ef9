import { apiExposure, isAnyAddress, isLoopback, showEndpoint } from '../../analysis/remote-api.js';
import { defineCheck, fail, notApplicable, pass, practice, unknown } from '../../core/model.js';

export default defineCheck({
  id: 'BH-API-002',
  slug: 'tcp-without-client-auth',
  title: 'A Docker API reachable from the network requires client certificates',
  severity: 'high',
  scope: 'daemon',
  facts: ['daemon'],
  rationale:
    'TLS without --tlsverify only encrypts: any client that reaches the port is served. On a non-loopback address that is every host on the network, each of them getting root on this host.',
  remediation:
    'Add `--tlsverify --tlscacert=/etc/docker/ca.pem` (or `"tlsverify": true, "tlscacert": ...` in daemon.json) so only clients with certificates signed by your CA are served, bind `-H` to a chosen address rather than 0.0.0.0, and restrict the port with firewall rules.',
  refs: [practice('P-COM-2'), practice('P-NET-4')],
  evaluate: (snap) => {
    const exp = apiExposure(snap);
    if (exp.endpoints.length === 0) {
      if (exp.unknownReason) return unknown(exp.unknownReason);
      return notApplicable('the daemon listens on no TCP socket');
    }
    const exposed = exp.endpoints.filter((e) => !isLoopback(e.host));
    if (exposed.length === 0) return notApplicable('the TCP API listens on loopback addresses only');
    const where = exposed.map((e) => `${showEndpoint(e)}${isAnyAddress(e.host) ? ', every address' : ''}`);
    const verify = exp.tlsVerify;
    if (!verify.known) {
      if (exposed.some((e) => e.observedTls === false))
        return fail([
          ...where.map((w) => `reachable on ${w}`),
          'bulkhead connected without TLS: no client authentication',
        ]);
      return unknown(verify.reason, { evidence: where });
    }
    if (verify.value)
      return pass([...where.map((w) => `reachable on ${w}`), `tlsverify = true (${verify.origin})`]);
    const tls = exp.tls.known && exp.tls.value;
    return fail([
      ...where.map((w) => `reachable on ${w}`),
      tls
        ? `TLS without client verification (--tls, no --tlsverify; ${verify.origin})`
        : `no TLS and no client verification (${verify.origin})`,
    ]);
  },
});
