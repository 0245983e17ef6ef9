// The tcp+TLS path against a real dockerd that listens on 127.0.0.1 with --tlsverify (client certificates),
// as scripts/test-daemon.sh starts it: connection, version negotiation, the remote-API checks, and the
// one-line error when the client certificate is missing.
import { describe, expect, inject, it } from 'vitest';
import { runAudit } from '../../src/audit/run.js';
import { connect, resolveConnection } from '../../src/collectors/docker/index.js';
import { TargetError } from '../../src/core/errors.js';

const tls = inject('dockerTls');

describe.runIf(tls !== null)('the daemon over tcp with TLS client certificates', () => {
  const { host, certPath } = tls!;

  it('connects with DOCKER_TLS_VERIFY/DOCKER_CERT_PATH and negotiates the API version', async () => {
    const c = await connect(
      resolveConnection({}, { DOCKER_HOST: host, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certPath }),
    );
    expect(Number(c.apiVersion)).toBeGreaterThanOrEqual(1.41);
    const v = (await c.version()) as { ApiVersion?: string };
    expect(v.ApiVersion).toBeDefined();
  });

  it('refuses without a client certificate, in one line naming the endpoint', async () => {
    const err = await connect(
      resolveConnection({ host, tlsverify: true, tlscacert: `${certPath}/ca.pem` }, {}),
      { timeoutMs: 5000 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TargetError);
    expect((err as Error).message).toContain('127.0.0.1');
    expect((err as Error).message).not.toContain('\n');
  });

  it('audits the daemon over TLS: the API is TLS-protected and needs client certificates', async () => {
    const { report } = await runAudit({
      config: {},
      host,
      tls: {
        tlsverify: true,
        tlscacert: `${certPath}/ca.pem`,
        tlscert: `${certPath}/cert.pem`,
        tlskey: `${certPath}/key.pem`,
      },
      scopes: ['daemon'],
      env: {},
    });
    expect(report.target.endpoint).toBe(host);
    const status = (id: string) => report.results.filter((r) => r.checkId === id).map((r) => r.status);
    // BH-API-001 (TCP without TLS) and BH-DMN-007 (CIS 2.7, TLS client auth) judged from the running
    // dockerd's flags; BH-API-002 (non-loopback without client auth) does not apply to a loopback listener.
    expect(status('BH-API-001')).toEqual(['pass']);
    expect(status('BH-DMN-007')).toEqual(['pass']);
    expect(status('BH-API-002')).toEqual([]);
    const evidence = report.results.find((r) => r.checkId === 'BH-DMN-007')!.evidence.map((e) => e.message);
    expect(evidence).toContain('tlsverify = true (dockerd --tlsverify)');
  });
});
