import { describe, expect, it } from 'vitest';
import {
  evaluate,
  fromInspect,
  inspectV141,
  inspectV152,
  type Json,
  messages,
} from '../../../test/kit/inspect.js';
import check from './pids-limit.js';

/** A create-era body without the field at all. */
const withoutPidsLimit = () => {
  const body = inspectV152();
  const { PidsLimit: _drop, ...hostConfig } = body.HostConfig as Record<string, Json>;
  return { ...body, HostConfig: hostConfig };
};

describe('BH-CTR-029 pids-limit', () => {
  it.each([
    ['null (1.52 unset)', fromInspect(inspectV152()), 'HostConfig.PidsLimit is null: no PIDs limit'],
    [
      '-1 (1.41 --pids-limit -1)',
      fromInspect(inspectV141({ HostConfig: { PidsLimit: -1 } })),
      'HostConfig.PidsLimit is -1: no PIDs limit',
    ],
    [
      '0 (1.41 unset)',
      fromInspect(inspectV141({ HostConfig: { PidsLimit: 0 } })),
      'HostConfig.PidsLimit is 0: no PIDs limit',
    ],
    ['field absent', fromInspect(withoutPidsLimit()), 'HostConfig.PidsLimit is null: no PIDs limit'],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual([evidence]);
  });

  it.each([
    ['1.41', fromInspect(inspectV141({ HostConfig: { PidsLimit: 100 } }))],
    ['1.52', fromInspect(inspectV152({ HostConfig: { PidsLimit: 200 } }))],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });
});
