import { effectiveDaemonConfig, type Setting } from '../../analysis/daemon-config.js';
import { apiExposure, showEndpoint } from '../../analysis/remote-api.js';
import { cis, defineCheck, fail, notApplicable, pass, practice, unknown } from '../../core/model.js';

const path = (name: string, s: Setting<string>, fallback: string): string =>
  s.known ? `${name} = ${s.value || `${fallback} (dockerd's default path)`}` : `${name}: ${s.reason}`;

export default defineCheck({
  id: 'BH-DMN-007',
  slug: 'daemon-tls',
  title: 'The Docker daemon requires TLS client authentication on its TCP socket',
  severity: 'high',
  scope: 'daemon',
  facts: ['daemon'],
  rationale:
    'Access to the Engine API is root on the host. A TCP socket must only accept clients that present a certificate signed by a CA you control (--tlsverify), and must encrypt the channel.',
  remediation:
    'Run dockerd with `--tlsverify --tlscacert=/etc/docker/ca.pem --tlscert=/etc/docker/server-cert.pem --tlskey=/etc/docker/server-key.pem -H tcp://<address>:2376` (or the same keys in daemon.json); `bulkhead tls` generates the CA and certificates.',
  refs: [cis('2.7'), practice('P-COM-2'), practice('P-COM-3')],
  evaluate: (snap) => {
    const exp = apiExposure(snap);
    if (exp.endpoints.length === 0) {
      if (exp.unknownReason) return unknown(exp.unknownReason);
      return notApplicable('the daemon listens on no TCP socket (unix socket / fd only)');
    }
    const where = exp.endpoints.map(showEndpoint);
    const cfg = effectiveDaemonConfig(snap);
    const verify = exp.tlsVerify;
    if (!verify.known) {
      const observed = exp.endpoints.find((e) => e.observedTls === false);
      if (observed) return fail([`TCP API without TLS: ${showEndpoint(observed)}`]);
      return unknown(verify.reason, { evidence: where });
    }
    const details = [
      `tlsverify = ${verify.value} (${verify.origin})`,
      path('tlscacert', cfg.tlsCaCert, '~/.docker/ca.pem'),
      path('tlscert', cfg.tlsCert, '~/.docker/cert.pem'),
      path('tlskey', cfg.tlsKey, '~/.docker/key.pem'),
    ];
    if (verify.value) return pass([...where.map((w) => `listens on ${w}`), ...details, ...verify.notes]);
    const tls = exp.tls.known && exp.tls.value;
    return fail([
      ...where.map((w) => `listens on ${w}`),
      tls
        ? 'TLS is on (--tls) but clients are not verified (--tlsverify is off)'
        : 'neither --tls nor --tlsverify is set',
      ...details,
      ...verify.notes,
    ]);
  },
});
