import { describe, expect, it } from 'vitest';
import { evaluate, fromInspect, inspectV141, inspectV152, messages } from '../../../test/kit/inspect.js';
import check from './exec-privileged.js';

const exec = (ID: string, privileged: boolean, user = '', Running = false) => ({
  CanRemove: false,
  ContainerID: 'x',
  DetachKeys: '',
  ExitCode: Running ? null : 0,
  ID,
  OpenStderr: true,
  OpenStdin: true,
  OpenStdout: true,
  ProcessConfig: { arguments: ['-c', 'id'], entrypoint: 'sh', privileged, tty: true, user },
  Running,
  Pid: 4242,
});

describe('BH-CTR-024 exec-privileged', () => {
  it.each([
    [
      'running privileged exec (1.52)',
      fromInspect(inspectV152({ ExecIDs: ['e1'] }), {
        execs: [exec('e1a2b3c4d5e6f7a8', true, 'root', true)],
      }),
      ['exec e1a2b3c4d5e6 runs "sh -c id" privileged (still running)'],
    ],
    [
      'finished privileged exec (1.41)',
      fromInspect(inspectV141({ ExecIDs: ['e2'] }), { execs: [exec('e2', false), exec('f3', true)] }),
      ['exec f3 runs "sh -c id" privileged'],
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(evidence);
  });

  it.each([
    ['no execs', fromInspect(inspectV152(), { execs: [] })],
    ['unprivileged exec', fromInspect(inspectV141(), { execs: [exec('e1', false)] })],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });

  it('is unknown when execs were not collected', () => {
    expect(evaluate(check, fromInspect(inspectV152()))[0]?.status).toBe('unknown');
  });
});
