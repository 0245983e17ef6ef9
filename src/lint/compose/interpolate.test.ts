// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are compose interpolation syntax under test
import { describe, expect, it } from 'vitest';
import { InterpolationError, interpolate, parseDotEnv } from './interpolate.js';

const env = { TAG: '1.4', EMPTY: '', USER_ID: '1000', HOST: 'db' };

describe('interpolate', () => {
  it.each([
    ['nginx:${TAG}', 'nginx:1.4'],
    ['nginx:$TAG', 'nginx:1.4'],
    ['${UNSET}', ''],
    ['$UNSET-x', '-x'],
    ['${TAG:-latest}', '1.4'],
    ['${UNSET:-latest}', 'latest'],
    ['${EMPTY:-latest}', 'latest'],
    ['${EMPTY-latest}', ''],
    ['${UNSET-latest}', 'latest'],
    ['${TAG:+set}', 'set'],
    ['${EMPTY:+set}', ''],
    ['${EMPTY+set}', 'set'],
    ['${UNSET+set}', ''],
    ['${UNSET:-${HOST}:5432}', 'db:5432'],
    ['${UNSET:-${ALSO_UNSET:-deep}}', 'deep'],
    ['$$HOME and $${TAG}', '$HOME and ${TAG}'],
    ['cost: 5$', 'cost: 5$'],
    ['${USER_ID}:${USER_ID}', '1000:1000'],
    ['no variables', 'no variables'],
  ])('%s -> %s', (input, want) => {
    expect(interpolate(input, env)).toBe(want);
  });

  it.each([
    [
      '${DB_PASSWORD:?set DB_PASSWORD in .env}',
      'required variable DB_PASSWORD is missing: set DB_PASSWORD in .env',
    ],
    ['${EMPTY:?must not be empty}', 'required variable EMPTY is empty: must not be empty'],
    ['${UNSET?}', 'required variable UNSET is missing'],
    ['${TAG', 'missing "}"'],
    ['${1BAD}', 'invalid interpolation format'],
    ['${TAG:x}', 'invalid interpolation format'],
  ])('%s throws %s', (input, message) => {
    expect(() => interpolate(input, env)).toThrow(InterpolationError);
    expect(() => interpolate(input, env)).toThrow(message);
  });

  it('accepts an empty value for ${VAR?err} (set but empty)', () => {
    expect(interpolate('${EMPTY?err}', env)).toBe('');
  });
  // Compose warns only where an unset variable becomes '' for want of a default.
  it.each([
    ['${UNSET}', ['UNSET']],
    ['$UNSET-x and ${UNSET}', ['UNSET', 'UNSET']],
    ['${UNSET:-${ALSO_UNSET}}', ['ALSO_UNSET']],
    ['${TAG:+${ALSO_UNSET}}', ['ALSO_UNSET']],
    ['${TAG} ${EMPTY} $HOST', []],
    ['${UNSET:-x} ${UNSET-x} ${UNSET:+x} ${UNSET+x} $$UNSET $${UNSET}', []],
  ])('%s reports unset %j', (input, want) => {
    const seen: string[] = [];
    interpolate(input, env, (name) => seen.push(name));
    expect(seen).toEqual(want);
  });
});

describe('parseDotEnv', () => {
  it('reads comments, export, quotes and inline comments', () => {
    const text = [
      '# database',
      'export DB_USER=app',
      "DB_PASSWORD='p#ss word'",
      'GREETING="hello\\nworld"',
      'TAG=1.4 # pinned',
      '',
      'EMPTY=',
      'not a line',
      'SPACED = value ',
    ].join('\n');
    expect(parseDotEnv(text)).toEqual({
      DB_USER: 'app',
      DB_PASSWORD: 'p#ss word',
      GREETING: 'hello\nworld',
      TAG: '1.4',
      EMPTY: '',
      SPACED: 'value',
    });
  });
});
