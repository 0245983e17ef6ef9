import { describe, expect, it } from 'vitest';
import { normalizeAdvisory, normalizePypiName, normalizeTimestamp } from './osv.js';

const base = {
  id: 'GHSA-aaaa-bbbb-cccc',
  modified: '2024-01-02T03:04:05Z',
  affected: [
    {
      package: { ecosystem: 'npm', name: 'left-pad' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.3.0' }] }],
    },
  ],
};

describe('normalizeTimestamp', () => {
  it.each([
    ['2024-01-02T03:04:05Z', '2024-01-02T03:04:05.000000000Z'],
    ['2021-03-09T04:49:05.965964Z', '2021-03-09T04:49:05.965964000Z'],
    ['2024-01-02T05:04:05+02:00', '2024-01-02T03:04:05.000000000Z'],
    ['2024-01-02 03:04:05', '2024-01-02T03:04:05.000000000Z'],
    ['yesterday', undefined],
    ['2024-13-45T03:04:05Z', undefined],
  ])('%s → %s', (s, want) => expect(normalizeTimestamp(s)).toBe(want));

  it('orders fractions as time, which the raw strings do not', () => {
    const a = '2021-03-09T04:49:05Z';
    const b = '2021-03-09T04:49:05.5Z';
    expect(a > b).toBe(true); // 'Z' > '.'
    expect((normalizeTimestamp(a) as string) < (normalizeTimestamp(b) as string)).toBe(true);
  });
});

describe('normalizeAdvisory', () => {
  it('keeps ranges, versions and rates a GHSA by its label', () => {
    const r = normalizeAdvisory({
      ...base,
      aliases: ['CVE-2024-1234'],
      database_specific: { severity: 'HIGH' },
    });
    expect(r).toMatchObject({
      ok: true,
      advisory: {
        id: 'GHSA-aaaa-bbbb-cccc',
        primaryId: 'CVE-2024-1234',
        aliases: ['GHSA-aaaa-bbbb-cccc'],
        severity: 'high',
        withdrawn: false,
        affected: [{ ecosystem: 'npm', name: 'left-pad', versions: [] }],
      },
    });
  });

  it('shows a single-CVE distro record as the CVE, a multi-CVE notice as itself', () => {
    const one = normalizeAdvisory({ ...base, id: 'DEBIAN-CVE-2023-0464', upstream: ['CVE-2023-0464'] });
    expect(one.ok && one.advisory.primaryId).toBe('CVE-2023-0464');
    const many = normalizeAdvisory({
      ...base,
      id: 'DSA-5417-1',
      upstream: ['CVE-2023-0464', 'CVE-2023-0465'],
    });
    expect(many.ok && many.advisory.primaryId).toBe('DSA-5417-1');
    expect(many.ok && many.advisory.cves).toEqual(['CVE-2023-0464', 'CVE-2023-0465']);
  });

  it('drops GIT ranges and entries left with nothing to match', () => {
    const r = normalizeAdvisory({
      ...base,
      affected: [
        {
          package: { ecosystem: 'OSS-Fuzz', name: 'openssl' },
          ranges: [{ type: 'GIT', repo: 'x', events: [{ introduced: 'abc' }] }],
        },
        { ranges: [{ type: 'GIT', repo: 'x', events: [{ introduced: 'abc' }] }] },
      ],
    });
    expect(r.ok && r.advisory.affected).toEqual([]);
  });

  it('normalises PyPI names as osv.dev writes them', () => {
    const r = normalizeAdvisory({
      ...base,
      affected: [{ package: { ecosystem: 'PyPI', name: 'Zope.Interface' }, versions: ['5.0'] }],
    });
    expect(r.ok && r.advisory.affected[0]?.name).toBe('zope-interface');
    expect(normalizePypiName('typing_extensions')).toBe('typing-extensions');
  });

  it('rates from CVSS v3 when there is no label, per package when the package says so', () => {
    const r = normalizeAdvisory({
      ...base,
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N' }],
      affected: [
        {
          package: { ecosystem: 'Go', name: 'example.com/m' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }],
          ecosystem_specific: { severity: 'CRITICAL' },
        },
      ],
    });
    expect(r.ok && r.advisory.severity).toBe('medium');
    expect(r.ok && r.advisory.affected[0]?.severity).toBe('critical');
  });

  it('marks withdrawn advisories', () => {
    const r = normalizeAdvisory({ ...base, withdrawn: '2024-02-01T00:00:00Z' });
    expect(r.ok && r.advisory.withdrawn).toBe(true);
  });

  it.each([
    [{ modified: '2024-01-01T00:00:00Z' }, /^id: /],
    [{ id: 'X-1' }, /^modified: /],
    [{ ...base, modified: 'soon' }, /modified: not an RFC 3339 time/],
    [{ ...base, affected: 'npm' }, /^affected: /],
    [
      {
        ...base,
        affected: [
          {
            package: { ecosystem: 'npm', name: 'x' },
            ranges: [{ type: 'SEMVER', events: [{ introduced: '0', fixed: '1' }] }],
          },
        ],
      },
      /events\[0\]: needs exactly one/,
    ],
    [
      {
        ...base,
        affected: [
          {
            package: { ecosystem: 'npm', name: 'x' },
            ranges: [{ type: 'SEMVER', events: [{ fixed: '1' }] }],
          },
        ],
      },
      /no introduced event/,
    ],
    ['just a string', /record: /],
    [null, /record: /],
  ])('rejects %j', (raw, reason) => {
    const r = normalizeAdvisory(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
