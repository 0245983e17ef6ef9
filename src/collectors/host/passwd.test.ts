import { describe, expect, it } from 'vitest';
import { parseGroup, parsePasswd } from './passwd.js';

describe('parsePasswd', () => {
  it('parses entries and skips comments and broken lines', () => {
    const text = [
      'root:x:0:0:root:/root:/bin/bash',
      '# comment',
      'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
      'broken-line',
      'alice:x:1000:1000:Alice,,,:/home/alice:/bin/bash',
      'bad:x:abc:1::/:/bin/sh',
    ].join('\n');
    expect(parsePasswd(text)).toEqual([
      { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/bash' },
      { name: 'daemon', uid: 1, gid: 1, home: '/usr/sbin', shell: '/usr/sbin/nologin' },
      { name: 'alice', uid: 1000, gid: 1000, home: '/home/alice', shell: '/bin/bash' },
    ]);
  });
});

describe('parseGroup', () => {
  it('parses members lists, including empty ones', () => {
    const text = 'root:x:0:\nsudo:x:27:alice\ndocker:x:998:alice,bob, ci\n\nbad:x::\n';
    expect(parseGroup(text)).toEqual([
      { name: 'root', gid: 0, members: [] },
      { name: 'sudo', gid: 27, members: ['alice'] },
      { name: 'docker', gid: 998, members: ['alice', 'bob', 'ci'] },
    ]);
  });
});
