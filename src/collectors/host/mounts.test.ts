import { describe, expect, it } from 'vitest';
import { parseMounts } from './mounts.js';

describe('parseMounts', () => {
  it('parses /proc/mounts lines and unescapes octal sequences', () => {
    const text = [
      'sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0',
      '/dev/sda1 / ext4 rw,relatime,errors=remount-ro 0 0',
      '/dev/mapper/vg-docker /var/lib/docker xfs rw,relatime,attr2,inode64,logbufs=8,noquota 0 0',
      'overlay /var/lib/docker/overlay2/3f1e/merged overlay rw,relatime,lowerdir=/var/lib/docker/overlay2/l/AB:/var/lib/docker/overlay2/l/CD 0 0',
      '/dev/sdb1 /mnt/my\\040disk ext4 rw 0 0',
      '',
    ].join('\n');
    const m = parseMounts(text);
    expect(m).toHaveLength(5);
    expect(m[2]).toEqual({
      source: '/dev/mapper/vg-docker',
      target: '/var/lib/docker',
      fstype: 'xfs',
      options: ['rw', 'relatime', 'attr2', 'inode64', 'logbufs=8', 'noquota'],
    });
    expect(m[4]?.target).toBe('/mnt/my disk');
  });
});
