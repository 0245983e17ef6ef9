import { describe, expect, it } from 'vitest';
import { failMessages, runScan, scanFacts } from '../../../test/kit/image-scan.js';
import check from './os-end-of-life.js';

describe('os-end-of-life', () => {
  it('fails for a release past its end of life', () => {
    const os = {
      id: 'debian',
      versionId: '10',
      prettyName: 'Debian GNU/Linux 10 (buster)',
      eol: '2024-06-30',
    };
    expect(failMessages(runScan(check, scanFacts({ os })))).toEqual([
      'Debian GNU/Linux 10 (buster) reached end of life on 2024-06-30',
    ]);
  });

  it('passes for a supported release; unknown without a date; nothing for scratch', () => {
    expect(runScan(check, scanFacts())[0]?.status).toBe('pass');
    expect(runScan(check, scanFacts({ os: { id: 'plan9', versionId: '4' } }))[0]?.status).toBe('unknown');
    expect(runScan(check, scanFacts({ os: undefined }))[0]?.status).toBe('n/a');
  });
});
