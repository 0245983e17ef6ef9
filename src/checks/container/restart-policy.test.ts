import { describe, expect, it } from 'vitest';
import {
  containerFacts,
  evaluate,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './restart-policy.js';

const policy = (Name: string, MaximumRetryCount = 0) => ({
  HostConfig: { RestartPolicy: { Name, MaximumRetryCount } },
});

describe('BH-CTR-016 restart-policy', () => {
  it.each([
    [
      'always with restarts (1.41)',
      fromInspect(inspectV141({ ...policy('always'), RestartCount: 12 })),
      'RestartPolicy is "always": restarts without limit (restarted 12 times)',
    ],
    [
      'unless-stopped (1.52)',
      fromInspect(inspectV152(policy('unless-stopped'))),
      'RestartPolicy is "unless-stopped": restarts without limit',
    ],
    [
      'on-failure without max',
      fromInspect(inspectV152(policy('on-failure'))),
      'RestartPolicy is "on-failure" with no maximum retry count',
    ],
    [
      'on-failure:10',
      fromInspect(inspectV141(policy('on-failure', 10))),
      'RestartPolicy is "on-failure:10": more than 5 retries',
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual([evidence]);
  });

  it.each([
    ['no (1.41)', fromInspect(inspectV141())],
    ['on-failure:5 (1.52)', fromInspect(inspectV152(policy('on-failure', 5)))],
    [
      'empty name (create body)',
      containerFacts({ spec: { restartPolicy: { name: '', maximumRetryCount: 0 } } }),
    ],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });
});
