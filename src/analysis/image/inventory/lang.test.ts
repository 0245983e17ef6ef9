import { describe, expect, it } from 'vitest';
import { langManifest, parseNpmManifest, parsePythonMetadata } from './lang.js';

describe('langManifest', () => {
  it.each([
    ['/app/node_modules/express/package.json', 'npm'],
    ['/app/node_modules/@babel/core/package.json', 'npm'],
    ['/app/node_modules/a/node_modules/b/package.json', 'npm'],
    ['/app/package.json', undefined],
    ['/app/node_modules/express/lib/package.json', undefined],
    ['/app/node_modules/@babel/package.json', undefined],
    ['/app/node_modules/.bin/package.json', undefined],
    ['/usr/lib/python3/dist-packages/requests-2.28.1.dist-info/METADATA', 'pypi'],
    ['/usr/local/lib/python3.11/site-packages/six-1.16.0.egg-info/PKG-INFO', 'pypi'],
    ['/usr/lib/python3/dist-packages/setuptools-66.1.1.egg-info', 'pypi'],
    ['/usr/lib/python3/dist-packages/requests-2.28.1.dist-info/RECORD', undefined],
  ])('%s → %s', (path, want) => {
    expect(langManifest(path)).toBe(want);
  });
});

describe('parseNpmManifest', () => {
  it.each([
    [
      'string license',
      '{"name":"express","version":"4.18.2","license":"MIT"}',
      { name: 'express', version: '4.18.2', licenses: ['MIT'] },
    ],
    [
      'legacy license object',
      '{"name":"@babel/core","version":"7.23.0","license":{"type":"MIT"}}',
      { name: '@babel/core', version: '7.23.0', licenses: ['MIT'] },
    ],
    [
      'legacy licenses array',
      '{"name":"x","version":"1.0.0","licenses":[{"type":"MIT"},{"type":"Apache-2.0"}]}',
      { name: 'x', version: '1.0.0', licenses: ['MIT', 'Apache-2.0'] },
    ],
    ['no name: the directory', '{"version":"1.0.0"}', { name: 'express', version: '1.0.0' }],
  ])('%s', (_n, text, want) => {
    expect(parseNpmManifest('/app/node_modules/express/package.json', text)).toEqual({
      ecosystem: 'npm',
      ...want,
    });
  });
  it.each(['not json', '{"name":"x"}', '[]', 'null'])('ignores %s', (text) => {
    expect(parseNpmManifest('/app/node_modules/x/package.json', text)).toBeUndefined();
  });
});

describe('parsePythonMetadata', () => {
  it('reads core metadata headers only', () => {
    const text =
      'Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\nLicense: Apache 2.0\nRequires-Dist: idna\n\nName: not-this\nVersion: 0\n';
    expect(parsePythonMetadata(text)).toEqual({
      ecosystem: 'pypi',
      name: 'requests',
      version: '2.31.0',
      licenses: ['Apache 2.0'],
    });
  });
  it('prefers License-Expression and drops UNKNOWN', () => {
    expect(parsePythonMetadata('Name: a\nVersion: 1\nLicense: UNKNOWN\n')).toEqual({
      ecosystem: 'pypi',
      name: 'a',
      version: '1',
    });
    expect(
      parsePythonMetadata('Name: a\nVersion: 1\nLicense-Expression: MIT\nLicense: x\n')?.licenses,
    ).toEqual(['MIT']);
  });
  it('needs name and version', () => {
    expect(parsePythonMetadata('Name: a\n')).toBeUndefined();
  });
});
