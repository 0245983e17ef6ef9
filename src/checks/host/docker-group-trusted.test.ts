import { describe, expect, it } from 'vitest';
import { DOCKER_GID, evaluateHost, hostSnapshot, statuses, textOf } from '../../../test/kit/host.js';
import type { CheckSettings } from '../../core/model.js';
import type { GroupFact } from '../../facts/host.js';
import check from './docker-group-trusted.js';

const groups = (members: string[]): GroupFact[] => [
  { name: 'root', gid: 0, members: [] },
  { name: 'sudo', gid: 27, members: ['alice'] },
  { name: 'docker', gid: DOCKER_GID, members },
];

describe('docker-group-trusted (CIS 1.1.2)', () => {
  it.each<[string, GroupFact[], Partial<CheckSettings>, string, string[]]>([
    ['an empty docker group passes', groups([]), {}, 'pass', ['has no members']],
    ['no docker group passes', groups([]).slice(0, 2), {}, 'pass', ['no docker group']],
    [
      'members with an empty allowlist fail',
      groups(['alice', 'ci-runner']),
      {},
      'fail',
      [
        'docker group (gid 998) members: alice, ci-runner',
        'not in dockerGroupAllowlist: alice, ci-runner (the allowlist is empty)',
      ],
    ],
    [
      'a member outside the allowlist fails',
      groups(['alice', 'mallory']),
      { dockerGroupAllowlist: ['alice'] },
      'fail',
      ['not in dockerGroupAllowlist: mallory'],
    ],
    [
      'allowlisted members pass',
      groups(['alice', 'root']),
      { dockerGroupAllowlist: ['alice'] },
      'pass',
      ['members: alice, root'],
    ],
    ['unreadable /etc/group is unknown', [], {}, 'unknown', ['/etc/group could not be read']],
  ])('%s', (_name, g, settings, status, texts) => {
    const out = evaluateHost(check, hostSnapshot({ groups: g }), settings);
    expect(statuses(out)).toEqual([status]);
    for (const t of texts) expect(textOf(out)).toContain(t);
  });
});
