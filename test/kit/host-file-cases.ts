// Table-driven cases shared by the host checks that judge one file's mode or owner (CIS 3.x),
// or whether an audit rule watches it (CIS 1.1.x). Each describe* registers a `describe` named
// `<slug> (CIS <id>)` with the cases common to the family; check-specific cases go in `extra`.
import { describe, expect, it } from 'vitest';
import type { AnyCheck } from '../../src/core/model.js';
import type { FileFact } from '../../src/facts/host.js';
import {
  CIS_AUDIT_RULES,
  DOCKER_GID,
  evaluateHost,
  fileFact,
  type HostOver,
  hostSnapshot,
  mergeOver,
  missingFile,
  statuses,
  textOf,
} from './host.js';
import { daemonWith } from './inspect.js';

/** [test name, override merged over the base, the one expected status, text the outcome must contain] */
export type HostCase = [name: string, over: HostOver, status: string, text: string];

/**
 * How the check finds its file; each adds the cases that pin that lookup:
 * - `file`: a fixed path (the default), no extra cases;
 * - `tls`: named by tlscacert/tlscert/tlskey (daemon.json or the dockerd flag);
 * - `unit`: the fragment of a systemd unit;
 * - `daemon-json`: daemon.json, or dockerd --config-file;
 * - `docker-sock`: the daemon's unix sockets (-H unix://, the endpoint bulkhead used);
 * - `registry-certs`: every file under /etc/docker/certs.d (replaces the missing/unexamined cases).
 */
export type Locate =
  | { by: 'file' }
  | { by: 'tls'; flag: '--tlscacert' | '--tlscert' | '--tlskey' }
  | { by: 'unit'; unit: 'docker.service' | 'docker.socket' }
  | { by: 'daemon-json' }
  | { by: 'docker-sock' }
  | { by: 'registry-certs' };

export interface FileCheckSpec {
  /** CIS Docker Benchmark recommendation, for the describe name. */
  cis: string;
  /** The file the check judges on the default host (with `base`). */
  path: string;
  /** Merged under every case (e.g. `tlsOver()`); `{}` by default. */
  base?: HostOver;
  /** The file type the mode/owner cases stat (default: a regular file). */
  type?: 'socket' | 'dir';
  locate?: Locate;
  /** Check-specific cases, registered inside the same describe after the shared ones. */
  extra?: () => void;
}

export interface ModeSpec extends FileCheckSpec {
  /** The most permissive mode allowed, as the check prints it (e.g. '0644'). */
  allowed: string;
  /** A mode at or below `allowed` that passes too. */
  stricter: string;
  /** A mode with bits beyond `allowed`, and the extra bits the check must name. */
  looser: string;
  extraBits: string;
}

const octal = (mode: string): number => Number.parseInt(mode, 8);

/** Runs each case against `base` + its override: exactly one outcome, its status and text, a file subject. */
export function itJudgesFile(check: AnyCheck, path: string, base: HostOver, cases: HostCase[]): void {
  it.each<HostCase>(cases)('%s', (_name, over, status, text) => {
    const out = evaluateHost(check, hostSnapshot(mergeOver(base, over)));
    expect(statuses(out)).toEqual([status]);
    expect(textOf(out)).toContain(text);
    if (status === 'pass' || status === 'fail') expect(out[0]?.subject).toEqual({ kind: 'file', path });
  });
}

/** The file is missing, was not examined, or could not be stat'ed. */
const fileStateCases = (path: string, locate: Locate): HostCase[] =>
  locate.by === 'registry-certs'
    ? [
        [
          'no certificates is not applicable',
          { files: { [path]: undefined } },
          'n/a',
          'no registry certificates under /etc/docker/certs.d',
        ],
        [
          'no certs.d is not applicable',
          { files: { [path]: undefined, '/etc/docker/certs.d': missingFile('/etc/docker/certs.d') } },
          'n/a',
          '/etc/docker/certs.d does not exist',
        ],
        [
          'certs.d not examined is unknown',
          { files: { [path]: undefined, '/etc/docker/certs.d': undefined } },
          'unknown',
          '/etc/docker/certs.d was not examined',
        ],
      ]
    : [
        [
          'a missing file is not applicable',
          { files: { [path]: missingFile(path) } },
          'n/a',
          `${path} does not exist`,
        ],
        [
          'a file that was not examined is unknown',
          { files: { [path]: undefined } },
          'unknown',
          `${path} was not examined`,
        ],
        [
          'a stat error is unknown',
          { files: { [path]: { path, exists: false, error: 'EACCES: permission denied' } } },
          'unknown',
          'could not be examined: EACCES',
        ],
      ];

/** The cases that pin how the check finds its file(s). */
function itLocates(check: AnyCheck, path: string, base: HostOver, locate: Locate): void {
  switch (locate.by) {
    case 'file':
      return;
    case 'tls':
      it('is not applicable when the daemon does not use TLS', () => {
        const out = evaluateHost(check, hostSnapshot({}));
        expect(statuses(out)).toEqual(['n/a']);
        expect(textOf(out)).toContain('daemon TLS is not configured');
      });
      it('follows the path given on the dockerd command line', () => {
        const flagPath = '/srv/tls/other.pem';
        const out = evaluateHost(
          check,
          hostSnapshot(
            mergeOver(base, {
              processes: [
                {
                  pid: 812,
                  name: 'dockerd',
                  argv: ['/usr/bin/dockerd', '--tlsverify', `${locate.flag}=${flagPath}`],
                  uid: 0,
                },
              ],
              files: { [flagPath]: fileFact(flagPath, { mode: 0o400 }) },
            }),
          ),
        );
        expect(out.map((o) => o.subject?.path)).toEqual([flagPath]);
      });
      return;
    case 'unit': {
      const { unit } = locate;
      it('judges the unit fragment systemd uses (an /etc override)', () => {
        const etc = `/etc/systemd/system/${unit}`;
        const out = evaluateHost(
          check,
          hostSnapshot({ units: { [unit]: etc }, files: { [etc]: fileFact(etc) } }),
        );
        expect(out.map((o) => o.subject?.path)).toEqual([etc]);
      });
      it('is not applicable without the unit, unknown when units were not read', () => {
        expect(statuses(evaluateHost(check, hostSnapshot({ units: { [unit]: undefined } })))).toEqual([
          'n/a',
        ]);
        const out = evaluateHost(
          check,
          hostSnapshot({ units: { [unit]: undefined }, errors: { units: 'EACCES' } }),
        );
        expect(statuses(out)).toEqual(['unknown']);
      });
      return;
    }
    case 'daemon-json':
      it('follows dockerd --config-file', () => {
        const alt = '/srv/docker/daemon.json';
        const out = evaluateHost(
          check,
          hostSnapshot({
            daemonJson: undefined,
            processes: [
              { pid: 812, name: 'dockerd', argv: ['/usr/bin/dockerd', `--config-file=${alt}`], uid: 0 },
            ],
            files: { [alt]: fileFact(alt) },
          }),
        );
        expect(out.map((o) => o.subject?.path)).toEqual([alt]);
      });
      return;
    case 'docker-sock':
      it('judges a socket named by dockerd -H unix://', () => {
        const custom = '/run/docker-custom.sock';
        const out = evaluateHost(
          check,
          hostSnapshot({
            processes: [
              { pid: 812, name: 'dockerd', argv: ['/usr/bin/dockerd', '-H', `unix://${custom}`], uid: 0 },
            ],
            files: { [custom]: fileFact(custom, { type: 'socket', mode: 0o660, gid: 998, group: 'docker' }) },
          }),
        );
        expect(out.map((o) => o.subject?.path)).toEqual([custom]);
      });
      it('is not applicable when the daemon listens on TCP only', () => {
        const out = evaluateHost(
          check,
          hostSnapshot({
            processes: [
              { pid: 812, name: 'dockerd', argv: ['/usr/bin/dockerd', '-H', 'tcp://0.0.0.0:2376'], uid: 0 },
            ],
          }),
        );
        expect(statuses(out)).toEqual(['n/a']);
      });
      it('also judges the unix endpoint bulkhead connected to', () => {
        const rootless = '/run/user/1000/docker.sock';
        const daemon = daemonWith([]);
        daemon.connection = { ...daemon.connection, endpoint: `unix://${rootless}` };
        const snap = hostSnapshot(
          {
            files: {
              [rootless]: fileFact(rootless, {
                type: 'socket',
                mode: 0o660,
                uid: 1000,
                user: 'alice',
                gid: 1000,
                group: 'alice',
              }),
            },
          },
          { daemon },
        );
        const out = evaluateHost(check, snap);
        expect(out.map((o) => o.subject?.path)).toEqual([path, rootless]);
      });
      return;
    case 'registry-certs':
      it('reports one outcome per certificate file', () => {
        const other = '/etc/docker/certs.d/ghcr.internal/client.key';
        const out = evaluateHost(
          check,
          hostSnapshot({ files: { [other]: fileFact(other, { uid: 1000, user: 'alice', mode: 0o640 }) } }),
        );
        expect(out.map((o) => `${o.subject?.path}:${o.status}`)).toEqual([`${other}:fail`, `${path}:pass`]);
      });
      return;
  }
}

/** Registers `<slug> (CIS <id>)`: `own` cases, the missing/unexamined cases, the locate cases, then `extra`. */
export function describeFileCheck(check: AnyCheck, spec: FileCheckSpec, own: HostCase[]): void {
  const { path, base = {}, locate = { by: 'file' } } = spec;
  describe(`${check.slug} (CIS ${spec.cis})`, () => {
    itJudgesFile(check, path, base, [...own, ...fileStateCases(path, locate)]);
    itLocates(check, path, base, locate);
    spec.extra?.();
  });
}

/** A check built on `modeAtMost(allowed)`. */
export function describeModeCheck(check: AnyCheck, spec: ModeSpec): void {
  const { path, allowed, stricter, looser, extraBits } = spec;
  const setuid = `04${allowed.slice(1)}`;
  const file = (mode: string): HostOver => ({
    files: { [path]: fileFact(path, { mode: octal(mode), ...(spec.type ? { type: spec.type } : {}) }) },
  });
  describeFileCheck(check, spec, [
    [`mode ${allowed} passes`, file(allowed), 'pass', `mode ${allowed} (at most ${allowed})`],
    [`mode ${stricter} passes`, file(stricter), 'pass', `mode ${stricter}`],
    [
      `mode ${looser} fails`,
      file(looser),
      'fail',
      `${path} mode ${looser}, allowed at most ${allowed} (extra bits ${extraBits})`,
    ],
    [
      'a setuid bit fails',
      file(setuid),
      'fail',
      `mode ${setuid}, allowed at most ${allowed} (extra bits 04000)`,
    ],
  ]);
}

/** A check built on `ownedBy('root')` or `ownedBy('docker')`; the base host has the file owned as required. */
export function describeOwnerCheck(
  check: AnyCheck,
  spec: FileCheckSpec & { group?: 'root' | 'docker' },
): void {
  const { path } = spec;
  const file = (over: Partial<FileFact>): HostOver => ({
    files: { [path]: fileFact(path, { ...over, ...(spec.type ? { type: spec.type } : {}) }) },
  });
  const unnamed = (over: Partial<FileFact>): HostOver => ({
    files: { [path]: { path, exists: true, mode: 0o644, ...over } },
  });
  describeFileCheck(
    check,
    spec,
    spec.group === 'docker'
      ? [
          ['root:docker passes', {}, 'pass', `owned by root:docker (0:${DOCKER_GID})`],
          ['root:root fails', file({}), 'fail', `${path} owned by root:root (0:0), expected root:docker`],
          [
            'a non-root owner fails',
            {
              files: {
                [path]: fileFact(path, { uid: 1000, user: 'alice', gid: DOCKER_GID, group: 'docker' }),
              },
            },
            'fail',
            `owned by alice:docker (1000:${DOCKER_GID}), expected root:docker`,
          ],
          [
            'an unnamed gid is matched against /etc/group',
            unnamed({ type: 'socket', mode: 0o660, uid: 0, gid: DOCKER_GID }),
            'pass',
            `owned by 0:${DOCKER_GID}`,
          ],
        ]
      : [
          ['root:root passes', {}, 'pass', 'owned by root:root (0:0)'],
          [
            'a non-root user fails',
            file({ uid: 1000, user: 'alice' }),
            'fail',
            `${path} owned by alice:root (1000:0), expected root:root`,
          ],
          [
            'a non-root group fails',
            file({ gid: 998, group: 'docker' }),
            'fail',
            'owned by root:docker (0:998), expected root:root',
          ],
          [
            'an unresolved uid is shown by number',
            unnamed({ type: 'file', uid: 4242, gid: 0 }),
            'fail',
            'owned by 4242:0 (4242:0)',
          ],
        ],
  );
}

export interface AuditSpec {
  cis: string;
  path: string;
  base?: HostOver;
  /** What the check says when the path does not exist (default: 'does not exist'). */
  missing?: string;
}

/** A check built on `judgeAudit`: which audit rules count as watching `path`, and when it cannot tell. */
export function describeAuditCheck(check: AnyCheck, spec: AuditSpec): void {
  const { path, base = {}, missing = 'does not exist' } = spec;
  // drop the rule for the path and any directory watch above it
  const without = CIS_AUDIT_RULES.filter((r) => {
    const watched = r.split(' ')[1] ?? '';
    return path !== watched && !path.startsWith(`${watched}/`);
  });
  describe(`${check.slug} (CIS ${spec.cis})`, () => {
    it.each<HostCase>([
      ['a -w watch from auditctl passes', {}, 'pass', `-w ${path} -p rwxa -k docker (auditctl)`],
      [
        'a syscall rule with -F path= passes',
        {
          audit: {
            source: 'files',
            rules: [...without, `-a always,exit -F arch=b64 -F path=${path} -F perm=rwxa -k docker`],
          },
        },
        'pass',
        `-F path=${path}`,
      ],
      [
        'no rule for the path fails',
        { audit: { source: 'auditctl', rules: without } },
        'fail',
        `no audit rule watches ${path} among ${without.length} rules loaded in the kernel (auditctl -l)`,
      ],
      [
        'a never rule does not count',
        { audit: { source: 'files', rules: [...without, `-a never,exit -F path=${path}`] } },
        'fail',
        `no audit rule watches ${path}`,
      ],
      [
        'no rules at all fails',
        { audit: { source: 'files', rules: [] } },
        'fail',
        'among 0 rules in /etc/audit/audit.rules',
      ],
      ['a missing path is not applicable', { files: { [path]: missingFile(path) } }, 'n/a', missing],
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
      expect(o?.subject).toEqual({ kind: 'file', path });
    });
  });
}
