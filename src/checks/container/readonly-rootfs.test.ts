import { describe, expect, it } from 'vitest';
import { evaluate, fromInspect, inspectV141, inspectV152, messages } from '../../../test/kit/inspect.js';
import check from './readonly-rootfs.js';

describe('BH-CTR-014 readonly-rootfs', () => {
  it.each([
    ['1.41', fromInspect(inspectV141())],
    ['1.52', fromInspect(inspectV152())],
  ])('fails: %s', (_n, c) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(['HostConfig.ReadonlyRootfs is false: the root filesystem is writable']);
  });

  it('passes with --read-only', () => {
    expect(
      evaluate(check, fromInspect(inspectV152({ HostConfig: { ReadonlyRootfs: true } })))[0]?.status,
    ).toBe('pass');
  });
});
