import { describe, expect, it } from 'vitest';
import { cveIds } from './cve-table.js';
import { assessKernel, parseKernelRelease } from './kernel.js';

describe('parseKernelRelease', () => {
  it.each([
    ['6.1.0-17-amd64', 6, 1, 0, 'debian'],
    ['6.1.0-17-cloud-amd64', 6, 1, 0, 'debian'],
    ['5.15.0-91-generic', 5, 15, 0, 'ubuntu'],
    ['6.5.0-1014-aws', 6, 5, 0, 'ubuntu'],
    ['4.18.0-513.el8.x86_64', 4, 18, 0, 'rhel'],
    ['4.18.0-513.el8', 4, 18, 0, 'rhel'],
    ['6.6.9-200.fc39.x86_64', 6, 6, 9, 'fedora'],
    ['5.15.133.1-microsoft-standard-WSL2', 5, 15, 133, 'wsl'],
    ['6.6.8', 6, 6, 8, undefined],
    ['6.8.0-rc2', 6, 8, 0, undefined],
    ['6.9.1+', 6, 9, 1, undefined],
    ['6.7', 6, 7, 0, undefined],
  ])('%s', (raw, major, minor, sublevel, distro) => {
    const k = parseKernelRelease(raw)!;
    expect([k.major, k.minor, k.sublevel, k.distro]).toEqual([major, minor, sublevel, distro]);
  });
  it('rejects garbage', () => expect(parseKernelRelease('unknown')).toBeUndefined());
});

describe('assessKernel', () => {
  const ids = (raw: string, cg?: 1 | 2) => {
    const a = assessKernel(parseKernelRelease(raw)!, cg ? { cgroupVersion: cg } : {});
    return { affected: cveIds(a.affected), verify: cveIds(a.verify), dropped: cveIds(a.notExploitable) };
  };
  it('flags vanilla kernels in affected ranges', () => {
    expect(ids('5.10.90').affected).toEqual(['CVE-2022-0847', 'CVE-2022-0185']);
    expect(ids('6.6.14').affected).toEqual(['CVE-2024-1086']);
    expect(ids('6.6.15').affected).toEqual([]);
    expect(ids('6.8.0-rc1').affected).toEqual(['CVE-2024-1086']);
  });
  it('says verify when the table lists no exact fix', () => {
    const r = ids('5.10.200', 1);
    expect(r.affected).toEqual([]);
    expect(r.verify).toEqual(['CVE-2022-0492', 'CVE-2024-1086']);
    expect(ids('5.10.200', 2).dropped).toEqual(['CVE-2022-0492']);
  });
  it('never marks a distro kernel affected', () => {
    const d = ids('6.1.0-17-amd64');
    expect(d.affected).toEqual([]);
    expect(d.verify).toEqual(['CVE-2024-1086']);
    const u = ids('5.15.0-91-generic', 2);
    expect(u.affected).toEqual([]);
    expect(u.verify).toEqual(['CVE-2022-0847', 'CVE-2022-0185', 'CVE-2024-1086']);
    expect(ids('6.12.48-1-amd64'.replace('48-1', '0-33')).verify).toEqual([]);
  });
});
