import { describe, expect, it } from 'vitest';
import {
  evaluate,
  exited,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import { specFromInspect } from '../../collectors/adapters/inspect.js';
import check from './privileged.js';

describe('BH-CTR-005 privileged', () => {
  it.each([
    ['running (1.41)', fromInspect(inspectV141({ HostConfig: { Privileged: true } }))],
    ['exited (1.52)', fromInspect(exited(inspectV152({ HostConfig: { Privileged: true } })))],
  ])('fails: %s', (_n, c) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(['HostConfig.Privileged is true']);
  });

  it('fails for an authorization create body', () => {
    const c = fromInspect(inspectV152());
    const out = evaluate(check, {
      ...c,
      spec: specFromInspect({ Image: 'alpine', HostConfig: { Privileged: true } }),
    });
    expect(out[0]?.status).toBe('fail');
  });

  it.each([
    ['1.41', fromInspect(inspectV141())],
    ['1.52', fromInspect(inspectV152())],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });
});
