import { describe, expect, it } from 'vitest';
import { evaluate, fromInspect, inspectV141, inspectV152, messages } from '../../../test/kit/inspect.js';
import check from './blkio-limits.js';

describe('BH-CTR-034 blkio-limits', () => {
  it.each([
    ['throttles null (1.41)', fromInspect(inspectV141()), 'no block-IO bps/iops limit'],
    [
      'throttles [] with a weight (1.52)',
      fromInspect(inspectV152({ HostConfig: { BlkioWeight: 300 } })),
      'no block-IO bps/iops limit (BlkioWeight 300 is only a relative share)',
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual([evidence]);
  });

  it('passes with device throttles', () => {
    const out = evaluate(
      check,
      fromInspect(
        inspectV152({
          HostConfig: {
            BlkioDeviceWriteBps: [{ Path: '/dev/sda', Rate: 52428800 }],
            BlkioDeviceReadIOps: [{ Path: '/dev/sda', Rate: 1000 }],
          },
        }),
      ),
    );
    expect(out[0]?.status).toBe('pass');
    expect(messages(out)).toEqual(['write 52428800 B/s on /dev/sda', 'read 1000 IOPS on /dev/sda']);
  });
});
