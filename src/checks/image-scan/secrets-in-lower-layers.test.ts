import { describe, expect, it } from 'vitest';
import { failMessages, runScan, scanFacts, secret } from '../../../test/kit/image-scan.js';
import check from './secrets-in-lower-layers.js';

describe('secrets-in-lower-layers', () => {
  it('fails for a secret deleted in a later layer, naming both layers', () => {
    const out = runScan(check, scanFacts({ secrets: [secret({ present: false, removedIn: 2 })] }));
    expect(failMessages(out)).toEqual([
      'npm registry auth token (npmrc-auth-token) npm_ab*** added in layer 1 (RUN apt-get update && apt-get install -y curl), deleted in layer 2 (COPY api /app/api) but still in the lower layer',
    ]);
  });

  it('passes for a secret still present (BH-SCN-008 reports it) or none', () => {
    expect(runScan(check, scanFacts({ secrets: [secret()] }))[0]?.status).toBe('pass');
    expect(runScan(check, scanFacts())[0]?.status).toBe('pass');
  });
});
