import { apiExposure, isLoopback, showEndpoint } from '../../analysis/remote-api.js';
import { defineCheck, fail, notApplicable, pass, practice, unknown } from '../../core/model.js';

export default defineCheck({
  id: 'BH-API-001',
  slug: 'tcp-without-tls',
  title: 'The Docker API is not served over plain TCP',
  severity: 'critical',
  scope: 'daemon',
  facts: ['daemon'],
  rationale:
    'The Engine API over plain TCP (typically port 2375) gives anyone who can reach the port root on the host, unauthenticated and in clear text; scanners find such daemons within minutes.',
  remediation:
    'Remove `-H tcp://...` / `"hosts"` TCP entries, or protect them: `--tlsverify --tlscacert --tlscert --tlskey` on port 2376 (`bulkhead tls` generates the certificates), or use `DOCKER_HOST=ssh://user@host` instead of TCP.',
  refs: [practice('P-COM-2'), practice('P-COM-3')],
  evaluate: (snap) => {
    const exp = apiExposure(snap);
    if (exp.endpoints.length === 0) {
      if (exp.unknownReason) return unknown(exp.unknownReason);
      return notApplicable('the daemon listens on no TCP socket');
    }
    // On when either flag is known on; off only when both are known off.
    const known = [exp.tls, exp.tlsVerify].filter((s) => s.known);
    const tlsOn = known.some((s) => s.value) ? true : known.length === 2 ? false : undefined;
    const plain = exp.endpoints.filter(
      (e) => e.observedTls === false || (e.observedTls === undefined && tlsOn === false),
    );
    const loopNote = (e: (typeof plain)[number]) =>
      isLoopback(e.host)
        ? ' (loopback only: every local user and host-network container still gets root-equivalent access)'
        : '';
    if (plain.length)
      return fail([
        ...plain.map((e) => `plain-TCP Docker API on ${showEndpoint(e)}${loopNote(e)}`),
        ...(tlsOn === false ? [`TLS is off: ${exp.tls.known ? exp.tls.origin : ''}`.trim()] : []),
      ]);
    const undecided = exp.endpoints.filter((e) => e.observedTls === undefined && tlsOn === undefined);
    if (undecided.length) {
      const reason = !exp.tlsVerify.known
        ? exp.tlsVerify.reason
        : !exp.tls.known
          ? exp.tls.reason
          : 'TLS state unknown';
      return unknown(reason, { evidence: undecided.map((e) => `TCP Docker API on ${showEndpoint(e)}`) });
    }
    return pass(exp.endpoints.map((e) => `TLS on ${showEndpoint(e)}`));
  },
});
