import { describe, expect, it } from 'vitest';
import { failMessages, runScan, scanFacts } from '../../../test/kit/image-scan.js';
import check from './hostile-entries.js';

describe('hostile-entries', () => {
  it('fails once per problem met while reading the layers', () => {
    const problems = [
      'layer 2: entry "../../etc/cron.d/x" escapes the image root (read as /etc/cron.d/x)',
      'layer 2: gzip stream stops after 1048576 bytes (truncated)',
    ];
    expect(failMessages(runScan(check, scanFacts({ problems })))).toEqual(problems);
  });

  it('passes for well-formed layers', () => {
    expect(runScan(check, scanFacts())[0]?.status).toBe('pass');
  });
});
