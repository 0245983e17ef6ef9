import { describe, expect, it } from 'vitest';
import {
  containerFacts,
  evaluate,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './host-userns.js';

describe('BH-CTR-031 host-userns', () => {
  it.each([
    ['1.41', fromInspect(inspectV141({ HostConfig: { UsernsMode: 'host' } }))],
    ['1.52', fromInspect(inspectV152({ HostConfig: { UsernsMode: 'host' } }))],
  ])('fails: %s', (_n, c) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(['HostConfig.UsernsMode is "host"']);
  });

  it.each([
    ['default (1.41)', fromInspect(inspectV141())],
    ['default (1.52)', fromInspect(inspectV152())],
    ['shared with another container', containerFacts({ spec: { usernsMode: 'container:db' } })],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });
});
