import { describe, expect, it } from 'vitest';
import {
  containerFacts,
  evaluate,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './host-uts.js';

describe('BH-CTR-022 host-uts', () => {
  it.each([
    ['1.41', fromInspect(inspectV141({ HostConfig: { UTSMode: 'host' } }))],
    ['1.52', fromInspect(inspectV152({ HostConfig: { UTSMode: 'host' } }))],
  ])('fails: %s', (_n, c) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(['HostConfig.UTSMode is "host"']);
  });

  it.each([
    ['default (1.41)', fromInspect(inspectV141())],
    ['default (1.52)', fromInspect(inspectV152())],
    ['shared with another container', containerFacts({ spec: { utsMode: 'container:db' } })],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });
});
