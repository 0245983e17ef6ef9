import { describe, expect, it } from 'vitest';
import { parseApkInstalled } from './apk.js';
import { parseDpkgStatus } from './dpkg.js';

// Trimmed from a real debian:12 /var/lib/dpkg/status.
const STATUS = `Package: libssl3
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 6172
Maintainer: Debian OpenSSL Team <pkg-openssl-devel@alioth-lists.debian.net>
Architecture: amd64
Multi-Arch: same
Source: openssl
Version: 3.0.11-1~deb12u2
Depends: libc6 (>= 2.34)
Description: Secure Sockets Layer toolkit - shared libraries
 This package is part of the OpenSSL project's implementation of the SSL and TLS
 cryptographic protocols for secure communication over the Internet.
Homepage: https://www.openssl.org/

Package: libgcc-s1
Status: install ok installed
Architecture: amd64
Source: gcc-12 (12.2.0-14)
Version: 12.2.0-14
Description: GCC support library

Package: bash
Essential: yes
Status: install ok installed
Architecture: amd64
Version: 5.2.15-2+b2
Description: GNU Bourne Again SHell

Package: oldpkg
Status: deinstall ok config-files
Architecture: all
Version: 1.0-1
`;

describe('parseDpkgStatus', () => {
  it('reads installed packages with their source package', () => {
    expect(parseDpkgStatus(STATUS)).toEqual([
      {
        ecosystem: 'deb',
        name: 'libssl3',
        version: '3.0.11-1~deb12u2',
        arch: 'amd64',
        sourceName: 'openssl',
        sourceVersion: '3.0.11-1~deb12u2',
      },
      {
        ecosystem: 'deb',
        name: 'libgcc-s1',
        version: '12.2.0-14',
        arch: 'amd64',
        sourceName: 'gcc-12',
        sourceVersion: '12.2.0-14',
      },
      // binNMU (+b2): no Source field, so the source is the package itself at the binary version.
      {
        ecosystem: 'deb',
        name: 'bash',
        version: '5.2.15-2+b2',
        arch: 'amd64',
        sourceName: 'bash',
        sourceVersion: '5.2.15-2+b2',
      },
    ]);
  });

  it('reads a distroless status.d entry (no Status field)', () => {
    expect(parseDpkgStatus('Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n')).toEqual([
      {
        ecosystem: 'deb',
        name: 'tzdata',
        version: '2024a-0+deb12u1',
        arch: 'all',
        sourceName: 'tzdata',
        sourceVersion: '2024a-0+deb12u1',
      },
    ]);
  });

  it('survives garbage', () => {
    expect(parseDpkgStatus('\0\0garbage\n\n:::\nPackage:\n')).toEqual([]);
  });
});

// Trimmed from a real alpine:3.19 /lib/apk/db/installed.
const APK = `C:Q1kGmYnNs8y2vW1C4b8YPpJ3aZc1U=
P:musl
V:1.2.4_git20230717-r4
A:x86_64
S:407137
I:662528
T:the musl c library (libc) implementation
U:https://musl.libc.org/
L:MIT
o:musl
m:Timo Teräs <timo.teras@iki.fi>
F:lib
R:ld-musl-x86_64.so.1

C:Q1abc=
P:libcrypto3
V:3.1.4-r5
A:x86_64
L:Apache-2.0
o:openssl
`;

describe('parseApkInstalled', () => {
  it('reads packages and their origin', () => {
    expect(parseApkInstalled(APK)).toEqual([
      {
        ecosystem: 'apk',
        name: 'musl',
        version: '1.2.4_git20230717-r4',
        arch: 'x86_64',
        sourceName: 'musl',
        sourceVersion: '1.2.4_git20230717-r4',
        licenses: ['MIT'],
      },
      {
        ecosystem: 'apk',
        name: 'libcrypto3',
        version: '3.1.4-r5',
        arch: 'x86_64',
        sourceName: 'openssl',
        sourceVersion: '3.1.4-r5',
        licenses: ['Apache-2.0'],
      },
    ]);
  });
});
