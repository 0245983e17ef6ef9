import { describe, expect, it } from 'vitest';
import { cvss3BaseScore, cvssSeverity, roundUp31, severityFromLabel } from './cvss.js';

describe('cvss3BaseScore', () => {
  // Scores as published by NVD / the CVSS v3.1 examples document.
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8], // Shellshock-class RCE
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5], // Heartbleed
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 7.5],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1], // reflected XSS
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 8.8],
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 7.8],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N', 5.9],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N', 5.3],
    ['CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H', 5.5],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:N/A:N', 6.8],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', 8.1],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 8.8],
    ['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0],
    ['CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N', 9.8], // metric order is free
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C', 9.8], // temporal metrics do not change the base
  ])('%s → %d', (v, want) => expect(cvss3BaseScore(v)).toBe(want));

  it.each([
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P'], // CVSS v2
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H'], // incomplete
    ['CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    ['CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
  ])('%s → undefined', (v) => expect(cvss3BaseScore(v)).toBeUndefined());
});

describe('roundUp31', () => {
  it.each([
    [4.000002, 4.0],
    [4.02, 4.1],
    [4.0, 4.0],
    [6.05, 6.1],
  ])('%d → %d', (x, want) => expect(roundUp31(x)).toBe(want));
});

describe('severity mapping', () => {
  it.each([
    [9.8, 'critical'],
    [9.0, 'critical'],
    [8.9, 'high'],
    [7.0, 'high'],
    [6.9, 'medium'],
    [4.0, 'medium'],
    [3.9, 'low'],
    [0.1, 'low'],
    [0, 'info'],
  ])('%d → %s', (s, want) => expect(cvssSeverity(s)).toBe(want));

  it.each([
    ['CRITICAL', 'critical'],
    ['HIGH', 'high'],
    ['Important', 'high'],
    ['MODERATE', 'medium'],
    ['medium', 'medium'],
    ['LOW', 'low'],
    ['negligible', 'info'],
    ['untriaged', undefined],
    [7, undefined],
  ])('%s → %s', (l, want) => expect(severityFromLabel(l)).toBe(want));
});
