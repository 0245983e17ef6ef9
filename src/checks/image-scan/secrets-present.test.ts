import { describe, expect, it } from 'vitest';
import { failMessages, runScan, scanFacts, secret } from '../../../test/kit/image-scan.js';
import check from './secrets-present.js';

describe('secrets-present', () => {
  it('fails for a secret in the final filesystem, masked, with its layer', () => {
    const out = runScan(check, scanFacts({ secrets: [secret()] }));
    expect(failMessages(out)).toEqual([
      'npm registry auth token (npmrc-auth-token) npm_ab*** at line 2, from layer 1 (RUN apt-get update && apt-get install -y curl)',
    ]);
  });

  it('passes when the secret only survives in a lower layer (BH-SCN-009 reports that) or there is none', () => {
    expect(
      runScan(check, scanFacts({ secrets: [secret({ present: false, removedIn: 2 })] }))[0]?.status,
    ).toBe('pass');
    expect(runScan(check, scanFacts())[0]?.status).toBe('pass');
  });
});
