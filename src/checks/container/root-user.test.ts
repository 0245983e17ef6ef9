import { describe, expect, it } from 'vitest';
import {
  daemonWith,
  evaluate,
  fromInspect,
  imageInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './root-user.js';

describe('BH-CTR-033 root-user', () => {
  it.each([
    [
      'image without USER (1.41)',
      fromInspect(inspectV141(), { image: imageInspect() }),
      "Config.User is empty and the image's default user is root (USER unset)",
    ],
    [
      'image USER root (1.52)',
      fromInspect(inspectV152(), { image: imageInspect({ User: 'root' }) }),
      'Config.User is empty and the image\'s default user is "root"',
    ],
    ['--user 0:0', fromInspect(inspectV152({ Config: { User: '0:0' } })), 'Config.User is "0:0"'],
    [
      '--user root:root',
      fromInspect(inspectV141({ Config: { User: 'root:root' } })),
      'Config.User is "root:root"',
    ],
    [
      '--user 0 over a non-root image',
      fromInspect(inspectV152({ Config: { User: '0' } }), { image: imageInspect({ User: 'app' }) }),
      'Config.User is "0"',
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual([evidence]);
  });

  it('notes user-namespace remapping in the evidence', () => {
    const out = evaluate(check, fromInspect(inspectV152({ Config: { User: 'root' } })), {
      daemon: daemonWith([], { userns: true }),
    });
    expect(messages(out)).toEqual([
      'Config.User is "root" (mapped to an unprivileged host uid by userns-remap)',
    ]);
  });

  it.each([
    ['--user 1000:1000', fromInspect(inspectV141({ Config: { User: '1000:1000' } }))],
    ['image USER nginx', fromInspect(inspectV152(), { image: imageInspect({ User: 'nginx' }) })],
    ['user named rootless', fromInspect(inspectV152({ Config: { User: 'rootless' } }))],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });

  it('is unknown when Config.User is empty and the image was not inspected', () => {
    expect(evaluate(check, fromInspect(inspectV152()))[0]?.status).toBe('unknown');
  });
});
