import { describe, expect, it } from 'vitest';
import { imageFacts, inspectV141, one, text } from '../../../test/kit/image.js';
import { context } from '../../../test/kit/snapshot.js';
import { imageFromApi } from '../../collectors/adapters/image.js';
import check from './expose-ssh.js';

describe('BH-IMG-012 expose-ssh', () => {
  it.each([
    [['22/tcp'], 'Config.ExposedPorts contains 22/tcp'],
    [['80/tcp', '22/tcp', '443/tcp'], 'Config.ExposedPorts contains 22/tcp'],
  ])('fails for %j', (exposedPorts, evidence) => {
    const o = one(check, imageFacts({ exposedPorts }), context());
    expect(o.status).toBe('fail');
    expect(text(o)).toBe(evidence);
  });

  it('reads ExposedPorts from real inspect JSON', () => {
    const img = imageFromApi(
      inspectV141({ config: { ExposedPorts: { '22/tcp': {}, '80/tcp': {} } } }),
      [],
      1,
    );
    expect(text(one(check, img, context()))).toBe('Config.ExposedPorts contains 22/tcp');
  });

  it.each([[['2222/tcp']], [['22/udp']], [['8080/tcp']], [[]]])('passes for %j', (exposedPorts) => {
    expect(one(check, imageFacts({ exposedPorts }), context()).status).toBe('pass');
  });
});
