import { describe, expect, it } from 'vitest';
import { parseAuditRules } from './audit-rules.js';

describe('parseAuditRules', () => {
  it('keeps -w and -a rules from a rules file, dropping control lines and comments', () => {
    const text = `## First rule - delete all
-D
## Increase the buffers to survive stress events.
-b 8192
--backlog_wait_time 60000
-f 1
-w /usr/bin/dockerd -p rwxa -k docker
-w  /etc/docker   -k docker   # trailing comment
-a always,exit -F arch=b64 -F path=/usr/bin/containerd -F perm=rwxa -k docker
-e 2
`;
    expect(parseAuditRules(text)).toEqual([
      '-w /usr/bin/dockerd -p rwxa -k docker',
      '-w /etc/docker -k docker',
      '-a always,exit -F arch=b64 -F path=/usr/bin/containerd -F perm=rwxa -k docker',
    ]);
  });

  it('reads `auditctl -l` output, including "No rules"', () => {
    expect(parseAuditRules('No rules\n')).toEqual([]);
    expect(parseAuditRules('-w /run/containerd -p rwxa -k docker\n')).toEqual([
      '-w /run/containerd -p rwxa -k docker',
    ]);
  });
});
