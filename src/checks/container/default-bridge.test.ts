import { describe, expect, it } from 'vitest';
import {
  evaluate,
  exited,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import check from './default-bridge.js';

describe('BH-CTR-030 default-bridge', () => {
  it.each([
    [
      'NetworkMode default (1.41)',
      fromInspect(inspectV141()),
      'attached to the default "bridge" network (docker0)',
    ],
    [
      'NetworkMode bridge (1.52)',
      fromInspect(inspectV152()),
      'attached to the default "bridge" network (docker0)',
    ],
    [
      'create body without networks',
      fromInspect(exited(inspectV152({ NetworkSettings: { Networks: null } }))),
      'HostConfig.NetworkMode is "bridge": the default bridge (docker0)',
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual([evidence]);
  });

  it('passes on a user-defined network (compose)', () => {
    const c = fromInspect(
      inspectV152({
        HostConfig: { NetworkMode: 'shop_default' },
        NetworkSettings: {
          Networks: {
            bridge: null,
            shop_default: {
              Aliases: ['web'],
              DNSNames: ['shop-web-1', 'web', '4f66ad9a0b2e'],
              NetworkID: 'n2',
              IPAddress: '172.20.0.3',
            },
          },
        },
      }),
    );
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('pass');
    expect(messages(out)).toEqual(['networks: shop_default']);
  });

  it('is not applicable for --network none', () => {
    expect(
      evaluate(
        check,
        fromInspect(
          inspectV141({ HostConfig: { NetworkMode: 'none' }, NetworkSettings: { Networks: null } }),
        ),
      )[0]?.status,
    ).toBe('n/a');
  });
});
