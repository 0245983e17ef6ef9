import { describe, expect, it } from 'vitest';
import { eolOf, fromAlpineRelease, fromDebianVersion, parseOsRelease } from './os-release.js';

describe('parseOsRelease', () => {
  it.each([
    [
      'debian 12',
      'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n',
      { id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)', eol: '2028-06-30' },
    ],
    [
      'ubuntu 18.04 (EOL)',
      'NAME="Ubuntu"\nVERSION_ID="18.04"\nID=ubuntu\nPRETTY_NAME="Ubuntu 18.04.6 LTS"\n',
      { id: 'ubuntu', versionId: '18.04', prettyName: 'Ubuntu 18.04.6 LTS', eol: '2023-05-31' },
    ],
    [
      'alpine patch release',
      'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.19.1\n',
      { id: 'alpine', versionId: '3.19.1', eol: '2025-11-01' },
    ],
    ['rhel minor', "ID='rhel'\nVERSION_ID='9.3'\n", { id: 'rhel', versionId: '9.3', eol: '2032-05-31' }],
    ['centos 7', 'ID="centos"\nVERSION_ID="7"\n', { id: 'centos', versionId: '7', eol: '2024-06-30' }],
    ['unknown distro', 'ID=wolfi\nVERSION_ID=20230201\n', { id: 'wolfi', versionId: '20230201' }],
    [
      'debian testing (no VERSION_ID)',
      'PRETTY_NAME="Debian GNU/Linux trixie/sid"\nID=debian\n',
      { id: 'debian', versionId: '', prettyName: 'Debian GNU/Linux trixie/sid' },
    ],
  ])('%s', (_n, text, want) => {
    expect(parseOsRelease(text)).toEqual(want);
  });
  it('needs an ID', () => {
    expect(parseOsRelease('NAME=x\n')).toBeUndefined();
  });
});

describe('fallbacks', () => {
  it('reads /etc/alpine-release', () => {
    expect(fromAlpineRelease('3.12.0\n')).toEqual({ id: 'alpine', versionId: '3.12.0', eol: '2022-05-01' });
    expect(fromAlpineRelease('garbage')).toBeUndefined();
  });
  it('reads /etc/debian_version', () => {
    expect(fromDebianVersion('10.13\n')).toEqual({ id: 'debian', versionId: '10', eol: '2024-06-30' });
    expect(fromDebianVersion('bookworm/sid\n')).toEqual({ id: 'debian', versionId: '' });
  });
  it('has no date for an unknown release', () => {
    expect(eolOf('debian', '99')).toBeUndefined();
    expect(eolOf('ubuntu', '22.04')).toBe('2027-04-30');
  });
});
