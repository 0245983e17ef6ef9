import { describe, expect, it } from 'vitest';
import { LayerIndex, pathHash } from './layers.js';

type Op = [layer: number, path: string, kind: 'dir' | 'other' | 'whiteout' | 'opaque'];

const build = (ops: Op[]): LayerIndex => {
  const idx = new LayerIndex();
  for (const [l, p, k] of ops) idx.add(l, p, k);
  return idx;
};

describe('LayerIndex.resolve', () => {
  const cases: {
    name: string;
    ops: Op[];
    path: string;
    layer: number;
    want: { present: boolean; removedIn?: number };
  }[] = [
    {
      name: 'untouched',
      ops: [[0, '/etc/passwd', 'other']],
      path: '/etc/passwd',
      layer: 0,
      want: { present: true },
    },
    {
      name: 'overwritten by a later layer',
      ops: [
        [0, '/app/.env', 'other'],
        [2, '/app/.env', 'other'],
      ],
      path: '/app/.env',
      layer: 0,
      want: { present: false, removedIn: 2 },
    },
    {
      name: 'whiteout of the file',
      ops: [
        [1, '/root/.npmrc', 'other'],
        [3, '/root/.npmrc', 'whiteout'],
      ],
      path: '/root/.npmrc',
      layer: 1,
      want: { present: false, removedIn: 3 },
    },
    {
      name: 'whiteout of an ancestor directory',
      ops: [
        [0, '/src/secrets/key.pem', 'other'],
        [1, '/src', 'whiteout'],
      ],
      path: '/src/secrets/key.pem',
      layer: 0,
      want: { present: false, removedIn: 1 },
    },
    {
      name: 'opaque marker on an ancestor',
      ops: [
        [0, '/etc/cron.d/miner', 'other'],
        [2, '/etc/cron.d', 'opaque'],
        [2, '/etc/cron.d/ok', 'other'],
      ],
      path: '/etc/cron.d/miner',
      layer: 0,
      want: { present: false, removedIn: 2 },
    },
    {
      name: 'opaque marker does not hide the same layer',
      ops: [
        [2, '/etc/cron.d', 'opaque'],
        [2, '/etc/cron.d/ok', 'other'],
      ],
      path: '/etc/cron.d/ok',
      layer: 2,
      want: { present: true },
    },
    {
      name: 'opaque marker on the directory itself keeps the directory',
      ops: [
        [0, '/tmp', 'dir'],
        [1, '/tmp', 'opaque'],
      ],
      path: '/tmp',
      layer: 0,
      want: { present: true },
    },
    {
      name: 'a later non-directory replaces the ancestor',
      ops: [
        [0, '/bin/sh', 'other'],
        [1, '/bin', 'other'],
      ],
      path: '/bin/sh',
      layer: 0,
      want: { present: false, removedIn: 1 },
    },
    {
      name: 'a later directory entry of an ancestor changes nothing below it',
      ops: [
        [0, '/usr/bin/curl', 'other'],
        [1, '/usr/bin', 'dir'],
      ],
      path: '/usr/bin/curl',
      layer: 0,
      want: { present: true },
    },
    {
      name: 'a lower whiteout does not remove an upper file',
      ops: [
        [0, '/x', 'whiteout'],
        [1, '/x', 'other'],
      ],
      path: '/x',
      layer: 1,
      want: { present: true },
    },
    {
      name: 'the first removing layer is reported, whatever the insertion order',
      ops: [
        [5, '/a/b', 'whiteout'],
        [1, '/a/b', 'other'],
        [3, '/a', 'whiteout'],
      ],
      path: '/a/b',
      layer: 1,
      want: { present: false, removedIn: 3 },
    },
    {
      name: 'a sibling with a common prefix is not an ancestor',
      ops: [
        [0, '/etc/cron.daily/x', 'other'],
        [1, '/etc/cron', 'whiteout'],
      ],
      path: '/etc/cron.daily/x',
      layer: 0,
      want: { present: true },
    },
  ];
  it.each(cases)('$name', ({ ops, path, layer, want }) => {
    expect(build(ops).resolve(path, layer)).toEqual(want);
  });

  it('hashes fit float64 exactly and differ for near paths', () => {
    const a = pathHash('/etc/passwd');
    expect(Number.isSafeInteger(a * 2 + 1)).toBe(true);
    expect(a).not.toBe(pathHash('/etc/passwe'));
    expect(a).toBe(pathHash('/etc/passwd'));
  });
});
