import { describe, expect, it } from 'vitest';
import { evaluateHost, hostSnapshot, statuses, textOf } from '../../../test/kit/host.js';
import check, { contentTrustEnabled } from './content-trust.js';

describe('content-trust (CIS 4.5)', () => {
  it.each<[string, string | undefined, string, string]>([
    ['1 passes', '1', 'pass', 'DOCKER_CONTENT_TRUST=1 in the auditing environment'],
    ['true passes', 'true', 'pass', 'DOCKER_CONTENT_TRUST=true'],
    ['unset fails', undefined, 'fail', 'DOCKER_CONTENT_TRUST is not set in the auditing environment'],
    ['0 fails', '0', 'fail', 'DOCKER_CONTENT_TRUST=0 in the auditing environment (content trust off)'],
    ['false fails', 'FALSE', 'fail', 'DOCKER_CONTENT_TRUST=FALSE'],
    ['empty fails', '', 'fail', 'DOCKER_CONTENT_TRUST= in the auditing environment (content trust off)'],
  ])('%s', (_name, value, status, text) => {
    const out = evaluateHost(check, hostSnapshot({ env: { DOCKER_CONTENT_TRUST: value } }));
    expect(statuses(out)).toEqual([status]);
    expect(textOf(out)).toContain(text);
  });

  it('treats unparsable values as on, like the docker CLI', () => {
    expect(contentTrustEnabled('yes')).toBe(true);
    expect(contentTrustEnabled('f')).toBe(false);
  });

  it('is marked partial', () => {
    expect(check.partial).toBe(true);
  });
});
