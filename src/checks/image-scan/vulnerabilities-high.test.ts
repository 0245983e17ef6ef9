import { describe, expect, it } from 'vitest';
import { failMessages, runScan, scanFacts, vuln } from '../../../test/kit/image-scan.js';
import check from './vulnerabilities-high.js';

describe('vulnerabilities-high', () => {
  it('fails once per high vulnerability, with ids, versions, fix and layer', () => {
    const facts = scanFacts({
      vulnerabilities: [
        vuln({ severity: 'high' }),
        vuln({
          id: 'GHSA-xxxx-yyyy-zzzz',
          aliases: [],
          ecosystem: 'npm',
          packageName: 'lodash',
          installedVersion: '4.17.20',
          fixedVersion: undefined,
          severity: 'high',
          summary: undefined,
          layer: 2,
        }),
        vuln({ id: 'CVE-2000-0001', severity: 'low' }),
      ],
    });
    expect(failMessages(runScan(check, facts))).toEqual([
      'CVE-2024-2398 (DLA-3812-1) in deb curl 7.88.1-10+deb12u5: fixed in 7.88.1-10+deb12u6 — HTTP/2 push headers memory-leak; from layer 1 (RUN apt-get update && apt-get install -y curl)',
      'GHSA-xxxx-yyyy-zzzz in npm lodash 4.17.20: no fix yet; from layer 2 (COPY api /app/api)',
    ]);
  });

  it('passes with none of this severity, and is unknown without a database', () => {
    expect(runScan(check, scanFacts()).map((o) => o.status)).toEqual(['pass']);
    const out = runScan(check, scanFacts({ vulnerabilities: undefined }));
    expect(out[0]?.status).toBe('unknown');
    expect(out[0]?.status === 'unknown' && out[0].reason).toContain('bulkhead db import');
  });
});
