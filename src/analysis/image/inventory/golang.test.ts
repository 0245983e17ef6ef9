import { describe, expect, it } from 'vitest';
import { goElf } from '../testing/entries.js';
import { goPackages, isElf, parseElf, readBuildInfo } from './golang.js';

const MODINFO =
  'path\tgithub.com/example/api\nmod\tgithub.com/example/api\tv1.4.2\th1:abc=\ndep\tgolang.org/x/net\tv0.17.0\th1:def=\ndep\tgithub.com/old/lib\tv1.0.0\th1:x=\n=>\tgithub.com/fork/lib\tv1.0.1\th1:y=\nbuild\t-compiler=gc\nbuild\tGOOS=linux\n';

describe('Go build info', () => {
  it.each(['inline', 'pointers'] as const)('reads the %s format', (format) => {
    const bin = goElf({ goVersion: 'go1.21.5', modinfo: MODINFO, format, textSize: 20_000 });
    const elf = parseElf(bin.subarray(0, 8192));
    expect(elf?.goNote).toBe(true);
    expect(elf?.dataOffset).toBeGreaterThan(20_000);
    const info = readBuildInfo(bin, elf as NonNullable<typeof elf>);
    expect(info).toEqual({
      goVersion: 'go1.21.5',
      path: 'github.com/example/api',
      main: { path: 'github.com/example/api', version: 'v1.4.2' },
      deps: [
        { path: 'golang.org/x/net', version: 'v0.17.0' },
        { path: 'github.com/fork/lib', version: 'v1.0.1' },
      ],
    });
    expect(goPackages(info as NonNullable<typeof info>).map((p) => `${p.name}@${p.version}`)).toEqual([
      'stdlib@v1.21.5',
      'github.com/example/api@v1.4.2',
      'golang.org/x/net@v0.17.0',
      'github.com/fork/lib@v1.0.1',
    ]);
  });

  it('skips a (devel) main module and a devel toolchain', () => {
    const pk = goPackages({
      goVersion: 'devel go1.23-abc',
      main: { path: 'x', version: '(devel)' },
      deps: [],
    });
    expect(pk).toEqual([]);
  });

  it('finds nothing when the data segment does not hold the header', () => {
    const bin = goElf({ goVersion: 'go1.22.0', modinfo: MODINFO });
    const elf = parseElf(bin) as NonNullable<ReturnType<typeof parseElf>>;
    // Cut before the data segment: the window was too small.
    expect(readBuildInfo(bin.subarray(0, elf.dataOffset as number), elf)).toBeUndefined();
  });

  it('tells a non-Go ELF and a non-ELF apart', () => {
    const bin = goElf({ goVersion: 'go1.22.0', modinfo: MODINFO, goNote: false });
    expect(parseElf(bin)?.goNote).toBe(false);
    expect(isElf(Buffer.from('#!/bin/sh\n'.padEnd(64)))).toBe(false);
    expect(parseElf(Buffer.from('\x7fELF'.padEnd(64, '\0'), 'latin1'))).toBeDefined();
  });

  it('does not trust program headers past the bytes given', () => {
    const bin = goElf({ goVersion: 'go1.22.0', modinfo: MODINFO });
    bin.writeBigUInt64LE(1_000_000n, 32);
    expect(parseElf(bin.subarray(0, 8192))).toBeUndefined();
  });
});
