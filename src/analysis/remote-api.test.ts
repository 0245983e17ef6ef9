import { describe, expect, it } from 'vitest';
import { isAnyAddress, isLoopback, parseTcpAddress } from './remote-api.js';

describe('parseTcpAddress', () => {
  it.each([
    ['tcp://0.0.0.0:2375', false, { host: '0.0.0.0', port: 2375 }],
    ['tcp://:2376', true, { host: '', port: 2376 }],
    ['tcp://10.0.0.5', false, { host: '10.0.0.5', port: 2375 }],
    ['tcp://10.0.0.5', true, { host: '10.0.0.5', port: 2376 }],
    ['tcp://[::]:2375', false, { host: '::', port: 2375 }],
    ['tcp://[fe80::1]:2376', true, { host: 'fe80::1', port: 2376 }],
    ['TCP://docker.lan:2376/', true, { host: 'docker.lan', port: 2376 }],
  ])('%s (tls %s)', (addr, tls, want) => expect(parseTcpAddress(addr, tls)).toEqual(want));

  it.each(['unix:///var/run/docker.sock', 'fd://', 'ssh://user@host', 'npipe:////./pipe/docker_engine'])(
    'ignores %s',
    (addr) => expect(parseTcpAddress(addr, false)).toBeUndefined(),
  );
});

describe('address classes', () => {
  it.each([
    ['127.0.0.1', true, false],
    ['127.1.2.3', true, false],
    ['::1', true, false],
    ['localhost', true, false],
    ['0.0.0.0', false, true],
    ['::', false, true],
    ['', false, true],
    ['10.0.0.5', false, false],
  ])('%s', (h, loop, any) => {
    expect(isLoopback(h)).toBe(loop);
    expect(isAnyAddress(h)).toBe(any);
  });
});
