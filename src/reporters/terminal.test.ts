import { describe, expect, it } from 'vitest';
import { referenceReport } from '../../test/fixtures/reports/reference-report.js';
import type { Report, Result } from '../core/report.js';
import { summarize } from '../core/report.js';
import { progressLine, renderTerminal } from './terminal.js';

const ANSI = /\u001b\[[0-9;]*m/;
const plain = renderTerminal(referenceReport, { color: false, width: 100 });
const lines = plain.split('\n');

/** The lines of one section: from its heading to the next blank line. */
function section(text: string, title: string): string[] {
  const all = text.split('\n');
  const start = all.findIndex((l) => l.startsWith(`${title}  `));
  if (start < 0) return [];
  const end = all.indexOf('', start);
  return all.slice(start, end < 0 ? undefined : end);
}

describe('renderTerminal without colour', () => {
  it('contains no ANSI codes and ends with one newline', () => {
    expect(plain).not.toMatch(ANSI);
    expect(plain.endsWith('/100\n')).toBe(true);
  });

  it('starts with the tool, target and run time', () => {
    expect(lines[0]).toBe('bulkhead 0.1.0 · docker-prod-01 · Docker 27.1.0 · unix:///var/run/docker.sock');
    expect(lines[1]).toBe('2026-11-28T12:00:00.000Z · 1.8 s');
  });

  it('groups results into sections in scope order, each with its counts', () => {
    const headings = lines.filter((l) => /^[A-Z][a-z]+ {2}/.test(l));
    expect(headings).toEqual([
      'Host  3 failed · 1 suppressed · 2 passed',
      'Daemon  2 failed · 1 unknown',
      'Containers  4 failed · 1 unknown · 1 suppressed · 3 passed',
      'Images  2 failed · 1 passed',
      'Networks  1 passed',
    ]);
    expect(plain).not.toContain('Swarm');
  });

  it('orders checks in a section by severity, then id', () => {
    const checkLines = (title: string) =>
      section(plain, title)
        .filter((l) => /^ {2}[A-Z]+ +BH-/.test(l))
        .map((l) => l.trim().split(/\s+/).slice(0, 2).join(' '));
    expect(checkLines('Host')).toEqual([
      'HIGH BH-HST-010',
      'MEDIUM BH-HST-001',
      'MEDIUM BH-HST-011',
      'LOW BH-HST-020',
    ]);
    expect(checkLines('Daemon')).toEqual(['CRITICAL BH-DMN-005', 'MEDIUM BH-DMN-001', 'LOW BH-DMN-010']);
    expect(checkLines('Containers')).toEqual(['CRITICAL BH-CTR-001', 'HIGH BH-CTR-006', 'HIGH BH-CTR-010']);
    expect(checkLines('Images')).toEqual(['MEDIUM BH-IMG-001', 'INFO BH-IMG-005']);
  });

  it('lists the subjects of one check under it, with evidence, and the remediation once', () => {
    const ctr = section(plain, 'Containers');
    const start = ctr.indexOf('  CRITICAL BH-CTR-001  Container is not privileged');
    expect(start).toBeGreaterThan(0);
    expect(ctr.slice(start + 1, start + 7)).toEqual([
      '    ✗ container web (a3f9c1d2e4b5)',
      '        HostConfig.Privileged is true',
      '    ✗ container søren-worker-日本 (0f1e2d3c4b5a)',
      '        HostConfig.Privileged is true',
      '    fix: Run without --privileged; add only the capabilities the workload needs with --cap-add.',
      '    refs: CIS 5.5 · P-KER-3 · P-CTR-3',
    ]);
    expect(plain.split('fix: Run without --privileged').length).toBe(2);
  });

  it('shows failures first, then unknown with its reason, then suppressed with its reason and expiry', () => {
    const ctr = section(plain, 'Containers');
    const start = ctr.indexOf(
      '  HIGH     BH-CTR-006  No sensitive host directory is mounted into the container',
    );
    expect(ctr.slice(start + 1, start + 11)).toEqual([
      '    ✗ container web (a3f9c1d2e4b5)',
      '        bind /etc -> /host/etc is writable (rw)',
      `        label note="<b>mount</b> & 'keep' \\x1b[31mred\\x1b[0m`,
      '        second line"',
      '    ? container søren-worker-日本 (0f1e2d3c4b5a)  [unknown]',
      '        reason: volume driver mounts cannot be resolved to a host path',
      '        mount source is a volume driver "nfs" with no host path',
      '    ~ container db (5c1e2b3a49d8)  [suppressed]',
      '        suppressed: log shipper needs the host logs (.bulkhead.yaml)',
      '        bind /var/log -> /host/log is writable (rw)',
    ]);
    expect(plain).toContain(
      '        suppressed: auditd is managed by the SIEM team <secops@example.com> & reviewed quarterly\n',
    );
    expect(plain).toContain('(until 2027-03-31, .bulkhead.yaml)');
  });

  it('shows file subjects by path and evidence paths not already in the message', () => {
    expect(plain).toContain(
      '    ✗ file /var/run/docker.sock\n        mode 0666 has bits 0006 outside 0660 (/var/run/docker.sock)\n',
    );
    expect(plain).toContain('        icc is true (the default) (daemon.json: icc)\n');
  });

  it('collapses passes into a count per section and hides pass-only checks', () => {
    expect(section(plain, 'Host').at(-1)).toBe('  ✓ 2 passed');
    expect(section(plain, 'Networks')).toEqual(['Networks  1 passed', '  ✓ 1 passed']);
    expect(plain).not.toContain('BH-NET-001');
    expect(plain).not.toContain('app_default');
    expect(plain).not.toContain('✓ container db');
  });

  it('ends with warnings and a summary by status, by severity of failures, and the score', () => {
    expect(plain).toContain(
      'Warnings\n  ! image layers of "nginx:1.25" could not be read: context deadline exceeded\n',
    );
    expect(lines.slice(-5)).toEqual([
      'Summary',
      '  results   11 failed · 7 passed · 2 unknown · 2 suppressed',
      '  failures  3 critical · 3 high · 4 medium · 0 low · 1 info',
      '  score     36/100',
      '',
    ]);
  });

  it('wraps long text to the width with a hanging indent, but keeps snippets as they are', () => {
    const narrow = renderTerminal(referenceReport, { color: false, width: 60 });
    // Prose under a check (evidence, reasons, fix, refs) wraps; only an unbreakable word may run past.
    const prose = narrow.split('\n').filter((l) => /^ {4}(?![✗?~✓] )/.test(l) && !/^ {11}-v/.test(l));
    expect(prose.length).toBeGreaterThan(30);
    for (const l of prose) if ([...l].length > 60) expect(l.trim()).not.toContain(' ');
    expect(narrow).toContain(
      '    fix: Move /var/lib/docker to its own logical volume and\n         mount it there (update /etc/fstab).\n',
    );
    expect(narrow).toContain(
      '    fix: Remove the bind mount, or mount only the needed\n         file read-only:\n           -v /etc/app.conf:/etc/app.conf:ro\n',
    );
  });
});

describe('renderTerminal options', () => {
  it('uses ANSI colours when asked', () => {
    const colored = renderTerminal(referenceReport, { color: true });
    expect(colored).toMatch(ANSI);
    expect(colored).toContain('\u001b[31m✗\u001b[39m');
    // Removing the colour codes gives the plain rendering: colour never changes the text.
    expect(colored.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });

  it('lists passes under their check when verbose', () => {
    const v = renderTerminal(referenceReport, { color: false, verbose: true });
    expect(v).toContain(
      '  LOW      BH-NET-001  Containers use user-defined networks\n    ✓ network app_default (f1d2c3b4a596)\n',
    );
    expect(v).toContain('    ✓ container db (5c1e2b3a49d8)\n        not privileged\n');
    expect(v).not.toContain('  ✓ 7 passed');
    // A check with only passes has nothing to fix.
    expect(v).not.toContain('fix: docker network create');
  });

  it('says so when there are no results', () => {
    const results: Result[] = [];
    const empty: Report = { ...referenceReport, results, warnings: [], summary: summarize(results) };
    const out = renderTerminal(empty, { color: false });
    expect(out).toContain('No checks produced results.');
    expect(out).toContain('  score     100/100');
    expect(out).not.toContain('Warnings');
  });

  it('leaves out unknown target fields from the header', () => {
    const out = renderTerminal(
      {
        ...referenceReport,
        target: { endpoint: 'unix:///var/run/docker.sock', hostName: null, engineVersion: null },
      },
      { color: false },
    );
    expect(out.split('\n')[0]).toBe('bulkhead 0.1.0 · unix:///var/run/docker.sock');
  });
});

describe('progressLine', () => {
  it.each([
    ['collecting containers', 4, 10, '[########------------]  40% (4/10) collecting containers'],
    ['start', 0, 10, '[--------------------]   0% (0/10) start'],
    ['done', 10, 10, '[####################] 100% (10/10) done'],
    ['over', 12, 10, '[####################] 100% (12/10) over'],
    ['nothing to do', 0, 0, '[--------------------]   0% (0/0) nothing to do'],
    ['evil\u001b[2J\nstep', 1, 2, '[##########----------]  50% (1/2) evil\\x1b[2J step'],
  ])('progressLine(%j, %i, %i)', (step, done, total, expected) => {
    expect(progressLine(step, done, total)).toBe(expected);
  });

  it('never exceeds the width', () => {
    const line = progressLine('x'.repeat(200), 1, 3, 40);
    expect([...line]).toHaveLength(40);
    expect(line.endsWith('…')).toBe(true);
  });
});

describe('code frames (lint)', () => {
  const source = 'FROM debian:12\nMAINTAINER ops\nRUN\tcurl -k https://x | sh\nUSER 1000\n';
  const lintResult = (line: number, column: number): Result => ({
    checkId: 'BH-DKF-026',
    title: 'TLS verification stays on',
    severity: 'high',
    scope: 'dockerfile',
    status: 'fail',
    subject: { kind: 'file', path: 'app/Dockerfile', name: 'stage 1' },
    evidence: [{ message: 'curl -k', path: `app/Dockerfile:${line}:${column}` }],
    remediation: 'drop -k',
    refs: [],
    location: { path: 'app/Dockerfile', line, column },
  });
  const report = (r: Result): Report => ({ ...referenceReport, results: [r], summary: summarize([r]) });

  it('shows the line with one line of context and a caret under the column', () => {
    const out = renderTerminal(report(lintResult(3, 10)), {
      color: false,
      sources: new Map([['app/Dockerfile', source]]),
    });
    expect(out).toContain(
      [
        '          2 | MAINTAINER ops',
        '        > 3 | RUN  curl -k https://x | sh',
        '            |           ^',
        '          4 | USER 1000',
      ].join('\n'),
    );
    expect(out).toContain('file app/Dockerfile (stage 1)');
  });

  it('shows no frame without the source or for a line outside the file', () => {
    expect(renderTerminal(report(lintResult(3, 10)), { color: false })).not.toContain('> 3 |');
    const out = renderTerminal(report(lintResult(99, 1)), {
      color: false,
      sources: new Map([['app/Dockerfile', source]]),
    });
    expect(out).not.toContain('| ');
  });
});
