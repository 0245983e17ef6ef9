import { describe, expect, it } from 'vitest';
import {
  daemonFacts,
  evaluate,
  secretJson,
  serviceJson,
  swarmFacts,
  swarmManagerDaemon,
} from '../../../test/kit/daemon.js';
import check from './secrets-management.js';

describe('secrets-management', () => {
  it('judges each service', () => {
    const swarm = swarmFacts({
      services: [
        serviceJson('web', { env: ['DB_PASSWORD=hunter2', 'PORT=80'] }),
        serviceJson('api', { env: ['DB_PASSWORD_FILE=/run/secrets/db_password'], secrets: ['db_password'] }),
        serviceJson('worker', { env: ['API_KEY=abc'], secrets: ['db_password'] }),
        serviceJson('static', { env: ['NGINX_PORT=8080'] }),
      ],
      secrets: [secretJson('db_password')],
    });
    const out = evaluate(check, { daemon: swarmManagerDaemon(), swarm });
    expect(out.map((o) => o.status)).toEqual(['fail', 'pass', 'unknown', 'pass']);
    const f = out[0]!;
    expect(f.status === 'fail' && f.evidence[0]!.message).toBe(
      'service web: env DB_PASSWORD is set inline (value not shown) and the service uses no swarm secrets',
    );
    expect(JSON.stringify(out)).not.toContain('hunter2');
  });

  it('passes without services; n/a without swarm or on workers', () => {
    expect(evaluate(check, { daemon: swarmManagerDaemon(), swarm: swarmFacts() })[0]!.status).toBe('pass');
    expect(evaluate(check, { daemon: daemonFacts(), swarm: swarmFacts() })[0]!.status).toBe('n/a');
    expect(
      evaluate(check, {
        daemon: swarmManagerDaemon({ ControlAvailable: false, Cluster: null }),
        swarm: swarmFacts(),
      })[0]!.status,
    ).toBe('n/a');
  });
});
