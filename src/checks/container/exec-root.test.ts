import { describe, expect, it } from 'vitest';
import {
  evaluate,
  fromInspect,
  imageInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './exec-root.js';

const exec = (ID: string, user: string) => ({
  ID,
  Running: false,
  ExitCode: 0,
  ProcessConfig: { arguments: [], entrypoint: 'bash', privileged: false, tty: true, user },
});

describe('BH-CTR-025 exec-root', () => {
  it.each([
    [
      'explicit -u root (1.41)',
      fromInspect(inspectV141({ Config: { User: 'app' } }), { execs: [exec('e1', 'root')] }),
      ['exec e1 runs "bash" as user "root"'],
    ],
    [
      'explicit -u 0:0 (1.52)',
      fromInspect(inspectV152({ Config: { User: 'app' } }), { execs: [exec('e2', '0:0')] }),
      ['exec e2 runs "bash" as user "0:0"'],
    ],
    [
      'inherits an image that runs as root',
      fromInspect(inspectV152(), { execs: [exec('e3', '')], image: imageInspect({ User: '' }) }),
      ['exec e3 runs "bash" as the image\'s default user "root"'],
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(evidence);
  });

  it.each([
    ['exec as app user', fromInspect(inspectV152(), { execs: [exec('e1', 'app')] })],
    [
      'inherits container user 1000',
      fromInspect(inspectV141({ Config: { User: '1000:1000' } }), { execs: [exec('e1', '')] }),
    ],
    ['no execs', fromInspect(inspectV152(), { execs: [] })],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });

  it.each([
    ['execs not collected', fromInspect(inspectV152())],
    ['inherits an unknown image user', fromInspect(inspectV152(), { execs: [exec('e1', '')] })],
  ])('unknown: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('unknown');
  });
});
