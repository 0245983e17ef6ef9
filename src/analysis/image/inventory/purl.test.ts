import { describe, expect, it } from 'vitest';
import { purlOf } from './purl.js';

const debian = { id: 'debian', versionId: '12' };
describe('purlOf', () => {
  it.each([
    [
      { ecosystem: 'deb', name: 'libssl3', version: '3.0.11-1~deb12u2', arch: 'amd64' },
      debian,
      'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12',
    ],
    [
      { ecosystem: 'deb', name: 'bash', version: '5.1-6ubuntu1' },
      { id: 'ubuntu', versionId: '22.04' },
      'pkg:deb/ubuntu/bash@5.1-6ubuntu1?distro=ubuntu-22.04',
    ],
    [
      { ecosystem: 'apk', name: 'musl', version: '1.2.4-r2', arch: 'x86_64' },
      { id: 'alpine', versionId: '3.19.1' },
      'pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64&distro=3.19.1',
    ],
    [
      {
        ecosystem: 'rpm',
        name: 'openssl-libs',
        version: '1:3.0.7-27.el9',
        arch: 'x86_64',
        rpm: { epoch: 1, versionRelease: '3.0.7-27.el9' },
      },
      { id: 'rhel', versionId: '9.3' },
      'pkg:rpm/redhat/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=rhel-9.3&epoch=1',
    ],
    [{ ecosystem: 'npm', name: '@babel/core', version: '7.23.0' }, undefined, 'pkg:npm/%40babel/core@7.23.0'],
    [{ ecosystem: 'npm', name: 'express', version: '4.18.2' }, undefined, 'pkg:npm/express@4.18.2'],
    [{ ecosystem: 'pypi', name: 'Django_Rest', version: '1.0' }, undefined, 'pkg:pypi/django-rest@1.0'],
    [
      { ecosystem: 'golang', name: 'golang.org/x/net', version: 'v0.17.0' },
      undefined,
      'pkg:golang/golang.org/x/net@v0.17.0',
    ],
    [{ ecosystem: 'golang', name: 'stdlib', version: 'v1.21.5' }, undefined, 'pkg:golang/stdlib@v1.21.5'],
  ] as const)('%j', (pkg, os, want) => {
    expect(purlOf(pkg as never, os)).toBe(want);
  });
});
