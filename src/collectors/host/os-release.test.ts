import { describe, expect, it } from 'vitest';
import { parseOsRelease } from './os-release.js';

describe('parseOsRelease', () => {
  it('parses quoted and unquoted values', () => {
    const text = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
ID=debian
# comment
HOME_URL='https://www.debian.org/'
`;
    expect(parseOsRelease(text)).toEqual({
      PRETTY_NAME: 'Debian GNU/Linux 12 (bookworm)',
      NAME: 'Debian GNU/Linux',
      VERSION_ID: '12',
      ID: 'debian',
      HOME_URL: 'https://www.debian.org/',
    });
  });
});
