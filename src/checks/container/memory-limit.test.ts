import { describe, expect, it } from 'vitest';
import { evaluate, fromInspect, inspectV141, inspectV152, messages } from '../../../test/kit/inspect.js';
import check from './memory-limit.js';

describe('BH-CTR-012 memory-limit', () => {
  it.each([
    ['1.41', fromInspect(inspectV141())],
    ['1.52', fromInspect(inspectV152())],
  ])('fails without a limit: %s', (_n, c) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(['HostConfig.Memory is 0: no memory limit']);
  });

  it('passes with --memory 512m', () => {
    const out = evaluate(
      check,
      fromInspect(inspectV152({ HostConfig: { Memory: 536870912, MemorySwap: 1073741824 } })),
    );
    expect(out[0]?.status).toBe('pass');
    expect(messages(out)).toEqual(['HostConfig.Memory is 536870912 bytes (512 MiB)']);
  });
});
