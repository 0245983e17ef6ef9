import { describe, expect, it } from 'vitest';
import { parseDpkgStatus } from './dpkg-status.js';

const STATUS = `Package: bash
Status: install ok installed
Priority: required
Version: 5.2.15-2+b2

Package: docker.io
Status: install ok installed
Priority: optional
Section: admin
Installed-Size: 102712
Maintainer: Debian Go Packaging Team <team+pkg-go@tracker.debian.org>
Architecture: amd64
Source: docker.io (20.10.24+dfsg1-1+deb12u1)
Version: 20.10.24+dfsg1-1+deb12u1+b1
Depends: adduser, containerd (>= 1.4~), iptables, runc (>= 1.0.0~rc8~), tini (>= 0.19.0-1~)
Description: Linux container runtime
 Docker complements kernel namespacing with a high-level API which operates at
 the process level.

Package: containerd.io
Status: install ok installed
Version: 1.7.27-1
Architecture: amd64

Package: linux-image-6.1.0-28-amd64
Status: deinstall ok config-files
Source: linux-signed-amd64 (6.1.119+1)
Version: 6.1.119-1

Package: runc
Status: install ok installed
Version: 1.1.5+ds1-1+deb12u1
`;

describe('parseDpkgStatus', () => {
  it('keeps docker, containerd, runc and kernel packages with name, version, source and status', () => {
    expect(parseDpkgStatus(STATUS)).toEqual([
      {
        name: 'docker.io',
        version: '20.10.24+dfsg1-1+deb12u1+b1',
        source: 'docker.io',
        status: 'install ok installed',
      },
      { name: 'containerd.io', version: '1.7.27-1', status: 'install ok installed' },
      {
        name: 'linux-image-6.1.0-28-amd64',
        version: '6.1.119-1',
        source: 'linux-signed-amd64',
        status: 'deinstall ok config-files',
      },
      { name: 'runc', version: '1.1.5+ds1-1+deb12u1', status: 'install ok installed' },
    ]);
  });

  it('takes a custom filter', () => {
    expect(parseDpkgStatus(STATUS, (n) => n === 'bash').map((p) => p.name)).toEqual(['bash']);
  });
});
