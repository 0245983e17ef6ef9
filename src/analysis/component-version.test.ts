import { describe, expect, it } from 'vitest';
import { compareUpstream, parseComponentVersion } from './component-version.js';

describe('parseComponentVersion', () => {
  it.each([
    ['v1.7.28', '1.7.28', '1.7.28', undefined],
    ['1.7.28', '1.7.28', '1.7.28', undefined],
    ['v2.1.4', '2.1.4', '2.1.4', undefined],
    ['1.1.5+ds1', '1.1.5', '1.1.5', 'debian'],
    ['1.0.0-rc92', '1.0.0-rc92', '1.0.0~rc92', undefined],
    ['1.4.0-rc.3', '1.4.0-rc.3', '1.4.0~rc.3', undefined],
    ['20.10.24+dfsg1', '20.10.24', '20.10.24', 'debian'],
    ['1.6.20~ds1', '1.6.20', '1.6.20', 'debian'],
    ['1.1.5+ds1-1+deb12u1', '1.1.5', '1.1.5', 'debian'],
    ['1.1.12-0ubuntu2~22.04.1', '1.1.12', '1.1.12', 'ubuntu'],
    ['1.7.12-0ubuntu2~22.04.1', '1.7.12', '1.7.12', 'ubuntu'],
    ['28.5.1', '28.5.1', '28.5.1', undefined],
    ['29.1.0', '29.1.0', '29.1.0', undefined],
    ['v1.3.0-0-g4ca628d1', '1.3.0', '1.3.0', undefined],
    ['5:27.1.1-1~ubuntu.22.04~jammy', '27.1.1', '27.1.1', undefined],
    ['24.0.5-1.fc39', '24.0.5', '24.0.5', 'fedora'],
  ])('%s', (raw, upstream, comparable, vendor) => {
    const v = parseComponentVersion(raw)!;
    expect(v.upstream).toBe(upstream);
    expect(v.comparable).toBe(comparable);
    expect(v.distro?.vendor).toBe(vendor);
  });

  it('rejects strings without a release', () => {
    expect(parseComponentVersion('')).toBeUndefined();
    expect(parseComponentVersion('05044ec0a9a75232cad458027ca83437aae3f4da')).toBeUndefined();
    expect(parseComponentVersion('dev')).toBeUndefined();
  });
});

describe('compareUpstream', () => {
  it.each([
    ['1.0.0-rc92', '1.0.0', -1],
    ['1.0.0-rc92', '1.0.0-rc95', -1],
    ['1.1.5+ds1', '1.1.12', -1],
    ['v1.7.28', '1.7.29', -1],
    ['v2.1.4', '1.7.29', 1],
    ['20.10.24+dfsg1', '20.10.24', 0],
    ['1.6.20~ds1', '1.6.20', 0],
    ['28.5.1', '29.1.0', -1],
  ])('%s vs %s', (a, b, want) => expect(Math.sign(compareUpstream(a, b)) + 0).toBe(want));
});
