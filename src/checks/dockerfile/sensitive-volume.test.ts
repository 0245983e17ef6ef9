// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are Dockerfile ARG syntax under test
import { describe, expect, it } from 'vitest';
import { failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './sensitive-volume.js';

describe('BH-DKF-013 sensitive-volume', () => {
  it.each([
    [
      '/etc, JSON form',
      'FROM debian:12\nVOLUME ["/etc", "/data"]\n',
      ['2:1 sensitive path as VOLUME: /etc (VOLUME ["/etc", "/data"])'],
    ],
    ['root, shell form', 'FROM debian:12\nVOLUME /\n', ['2:1 sensitive path as VOLUME: / (VOLUME /)']],
    [
      'docker socket and trailing slashes',
      'FROM docker:27\nVOLUME /var/run/docker.sock /var/lib/docker/\n',
      [
        '2:1 sensitive path as VOLUME: /var/run/docker.sock (VOLUME /var/run/docker.sock /var/lib/docker/)',
        '2:1 sensitive path as VOLUME: /var/lib/docker (VOLUME /var/run/docker.sock /var/lib/docker/)',
      ],
    ],
    [
      'below /proc and /sys',
      'FROM debian:12\nVOLUME /proc/sys /sys/fs/cgroup\n',
      [
        '2:1 sensitive path as VOLUME: /proc/sys (VOLUME /proc/sys /sys/fs/cgroup)',
        '2:1 sensitive path as VOLUME: /sys/fs/cgroup (VOLUME /proc/sys /sys/fs/cgroup)',
      ],
    ],
    [
      'through an ARG, /root',
      'FROM debian:12\nARG HOME_DIR=/root\nVOLUME ${HOME_DIR}\n',
      ['3:1 sensitive path as VOLUME: /root (VOLUME ${HOME_DIR})'],
    ],
    [
      'inherited from a base stage',
      'FROM debian:12 AS b\nVOLUME /boot\nFROM b\n',
      ['2:1 sensitive path as VOLUME: /boot (VOLUME /boot)'],
    ],
  ])('fails: %s', (_name, text, expected) => {
    expect(failures(check, text)).toEqual(expected);
  });

  it.each([
    ['application data', 'FROM postgres:16\nVOLUME /var/lib/postgresql/data\n'],
    ['JSON form data', 'FROM debian:12\nVOLUME ["/data", "/var/log/app"]\n'],
    ['/etcd is not /etc', 'FROM debian:12\nVOLUME /etcd-data /rootfs-cache\n'],
    ['only in a builder stage', 'FROM debian:12 AS b\nVOLUME /etc\nFROM debian:12\n'],
  ])('passes: %s', (_name, text) => {
    expect(statuses(check, text)).toEqual(['pass']);
  });
});
