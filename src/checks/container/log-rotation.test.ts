import { describe, expect, it } from 'vitest';
import {
  containerFacts,
  daemonWith,
  evaluate,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './log-rotation.js';

const log = (Type: string, Config: Record<string, string> = {}) => ({
  HostConfig: { LogConfig: { Type, Config } },
});

describe('BH-CTR-036 log-rotation', () => {
  it.each([
    [
      'json-file without options (1.41)',
      fromInspect(inspectV141()),
      'log driver "json-file" without max-size: the log file grows without bound',
    ],
    [
      'json-file without options (1.52)',
      fromInspect(inspectV152()),
      'log driver "json-file" without max-size: the log file grows without bound',
    ],
    ['none', fromInspect(inspectV152(log('none'))), 'log driver is "none": the container keeps no logs'],
    [
      'local with rotation off',
      fromInspect(inspectV141(log('local', { 'max-size': '-1' }))),
      'log driver "local" with max-size=-1: rotation disabled',
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual([evidence]);
  });

  it.each([
    [
      'json-file rotated',
      fromInspect(inspectV152(log('json-file', { 'max-size': '10m', 'max-file': '3' }))),
      'json-file rotated at max-size=10m, max-file=3',
    ],
    ['local default', fromInspect(inspectV141(log('local'))), 'log driver "local" (rotates by default)'],
    [
      'journald',
      fromInspect(inspectV152(log('journald', { tag: '{{.Name}}' }))),
      'log driver "journald" ships logs off the host',
    ],
  ])('passes: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('pass');
    expect(messages(out)).toEqual([evidence]);
  });

  it('uses the daemon default for a create body without LogConfig', () => {
    const c = containerFacts({ spec: { logConfig: { type: '', config: {} } } });
    expect(evaluate(check, c)[0]?.status).toBe('unknown');
    const out = evaluate(check, c, { daemon: daemonWith([], { loggingDriver: 'json-file' }) });
    expect(messages(out)).toEqual([
      'log driver "json-file" without max-size: the log file grows without bound',
    ]);
  });
});
