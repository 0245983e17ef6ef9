import { describe, expect, it } from 'vitest';
import {
  CIS_AUDIT_RULES,
  evaluateHost,
  type HostOver,
  hostSnapshot,
  mergeOver,
  missingFile,
  statuses,
  textOf,
} from '../../../test/kit/host.js';
import check from './audit-var-lib-docker.js';

const PATH = '/var/lib/docker';
const base: HostOver = {};
// drop the rule for the path and any directory watch above it
const without = CIS_AUDIT_RULES.filter((r) => {
  const watched = r.split(' ')[1] ?? '';
  return PATH !== watched && !PATH.startsWith(`${watched}/`);
});

describe('audit-var-lib-docker (CIS 1.1.5)', () => {
  it.each<[string, HostOver, string, string]>([
    ['a -w watch from auditctl passes', {}, 'pass', `-w ${PATH} -p rwxa -k docker (auditctl)`],
    [
      'a syscall rule with -F path= passes',
      {
        audit: {
          source: 'files',
          rules: [...without, `-a always,exit -F arch=b64 -F path=${PATH} -F perm=rwxa -k docker`],
        },
      },
      'pass',
      `-F path=${PATH}`,
    ],
    [
      'no rule for the path fails',
      { audit: { source: 'auditctl', rules: without } },
      'fail',
      `no audit rule watches ${PATH} among ${without.length} rules loaded in the kernel (auditctl -l)`,
    ],
    [
      'a never rule does not count',
      { audit: { source: 'files', rules: [...without, `-a never,exit -F path=${PATH}`] } },
      'fail',
      `no audit rule watches ${PATH}`,
    ],
    [
      'no rules at all fails',
      { audit: { source: 'files', rules: [] } },
      'fail',
      'among 0 rules in /etc/audit/audit.rules',
    ],
    ['a missing path is not applicable', { files: { [PATH]: missingFile(PATH) } }, 'n/a', 'does not exist'],
    [
      'unreadable audit rules are unknown',
      { audit: undefined, errors: { audit: 'auditctl: Operation not permitted' } },
      'unknown',
      'audit rules could not be read: auditctl: Operation not permitted',
    ],
  ])('%s', (_name, over, status, text) => {
    const out = evaluateHost(check, hostSnapshot(mergeOver(base, over)));
    expect(statuses(out)).toEqual([status]);
    expect(textOf(out)).toContain(text);
  });

  it('reports the file as the subject', () => {
    const [o] = evaluateHost(check, hostSnapshot(base));
    expect(o?.subject).toEqual({ kind: 'file', path: PATH });
  });
});
