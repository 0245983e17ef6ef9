import { describe, expect, it } from 'vitest';
import type { Subject } from '../core/model.js';
import { sanitizeForTerminal, subjectLabel, wrapText } from './text.js';

describe('subjectLabel', () => {
  it.each<[Subject, string, string]>([
    [{ kind: 'host', name: 'docker-prod-01' }, 'host docker-prod-01', 'host docker-prod-01'],
    [{ kind: 'host' }, 'host', 'host'],
    [
      { kind: 'daemon', name: 'unix:///var/run/docker.sock' },
      'daemon unix:///var/run/docker.sock',
      'daemon unix:///var/run/docker.sock',
    ],
    [
      { kind: 'container', id: 'a3f9c1d2e4b5a697', name: 'web' },
      'container web (a3f9c1d2e4b5)',
      'container web',
    ],
    [{ kind: 'container', id: 'a3f9c1d2e4b5a697' }, 'container a3f9c1d2e4b5', 'container a3f9c1d2e4b5'],
    [
      { kind: 'image', id: 'sha256:2b7412e6465c3c7f', name: 'nginx:1.25' },
      'image nginx:1.25 (2b7412e6465c)',
      'image nginx:1.25',
    ],
    [
      { kind: 'image', id: 'sha256:2b7412e6465c3c7f', name: '2b7412e6465c' },
      'image 2b7412e6465c',
      'image 2b7412e6465c',
    ],
    [
      { kind: 'file', path: '/etc/docker/daemon.json' },
      'file /etc/docker/daemon.json',
      'file /etc/docker/daemon.json',
    ],
  ])('%j → %s / %s', (subject, withId, withoutId) => {
    expect(subjectLabel(subject)).toBe(withId);
    expect(subjectLabel(subject, false)).toBe(withoutId);
  });
});

describe('sanitizeForTerminal', () => {
  it.each([
    ['plain text', 'plain text'],
    ['\u001b[2J\u001b]0;title\u0007', '\\x1b[2J\\x1b]0;title\\x07'],
    ['a\tb', 'a b'],
    ['crlf\r\nline', 'crlf\nline'],
    ['carriage\rreturn', 'carriage\nreturn'],
    ['c1 \u009b31m', 'c1 \\x9b31m'],
    ['del\u007f', 'del\\x7f'],
    ['bidi \u202egnp.exe', 'bidi \\u202egnp.exe'],
    ['søren 日本 ✓', 'søren 日本 ✓'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeForTerminal(input)).toBe(expected);
  });
});

describe('wrapText', () => {
  it.each([
    ['short', 20, ['short']],
    ['one two three four five six', 20, ['one two three four', 'five six']],
    [
      'keep\n  indented snippet that is longer than the width',
      20,
      ['keep', '  indented snippet that is longer than the width'],
    ],
    [
      'averyveryveryverylongwordthatcannotbreak tail',
      20,
      ['averyveryveryverylongwordthatcannotbreak', 'tail'],
    ],
    ['日本語 日本語 日本語 日本語 日本語 日本語', 20, ['日本語 日本語 日本語 日本語 日本語', '日本語']],
  ])('wraps %j at %i', (text, width, expected) => {
    expect(wrapText(text, width)).toEqual(expected);
  });

  it('never wraps narrower than 20 columns', () => {
    expect(wrapText('one two three four five six', 5)).toEqual(['one two three four', 'five six']);
  });
});
