import { describe, expect, it } from 'vitest';
import {
  evaluate,
  exited,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './published-ports.js';

describe('BH-CTR-010 published-ports', () => {
  it.each([
    [
      'running, both families (1.52)',
      fromInspect(inspectV152()),
      ['published 0.0.0.0:8080->80/tcp', 'published [::]:8080->80/tcp'],
    ],
    ['stopped, declared (1.41)', fromInspect(exited(inspectV141())), ['published 8080->80/tcp']],
    [
      '-P on a created container',
      fromInspect(
        exited(
          inspectV152({
            State: { Status: 'created' },
            HostConfig: { PortBindings: null, PublishAllPorts: true },
            Config: { ExposedPorts: { '80/tcp': {}, '443/tcp': {} } },
          }),
        ),
      ),
      ['PublishAllPorts (-P) publishes every exposed port: 80/tcp, 443/tcp'],
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(evidence);
  });

  it('passes when nothing is published', () => {
    const c = fromInspect(exited(inspectV152({ HostConfig: { PortBindings: null } })));
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });
});
