import { describe, expect, it } from 'vitest';
import { evaluate, fromInspect, inspectV141, inspectV152, messages } from '../../../test/kit/inspect.js';
import check from './env-secrets.js';

const env = (...vars: string[]) => ({
  Config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...vars] },
});

/** A compose service with build args (only compose specs carry them). */
const built = (buildArgs: string[], ...vars: string[]) => {
  const c = fromInspect(inspectV152(env(...vars)));
  return { ...c, spec: { ...c.spec, source: 'compose' as const, buildArgs } };
};

describe('BH-CTR-037 env-secrets', () => {
  it.each([
    [
      'postgres password and AWS keys (1.41)',
      fromInspect(
        inspectV141(
          env(
            'POSTGRES_PASSWORD=hunter2',
            'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
            'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG',
          ),
        ),
      ),
      [
        'POSTGRES_PASSWORD holds a value that looks like a secret',
        'AWS_SECRET_ACCESS_KEY holds a value that looks like a secret',
      ],
    ],
    [
      'token and a DSN with a password (1.52)',
      fromInspect(inspectV152(env('GITHUB_TOKEN=ghp_abc', 'DATABASE_URL=postgres://app:s3cret@db:5432/app'))),
      [
        'GITHUB_TOKEN holds a value that looks like a secret',
        'DATABASE_URL holds a URL with an embedded password',
      ],
    ],
    [
      'an npm token and a private registry URL passed as build args',
      built([
        'NODE_ENV=production',
        'NPM_TOKEN=npm_7f3kq9',
        'PIP_INDEX_URL=https://ci:s3cret@pypi.example.com/simple',
      ]),
      [
        'build arg NPM_TOKEN holds a value that looks like a secret',
        'build arg PIP_INDEX_URL holds a URL with an embedded password',
      ],
    ],
    [
      'the same name in env and build args: both are named, env first',
      built(['DB_PASSWORD=hunter2'], 'DB_PASSWORD=hunter2'),
      [
        'DB_PASSWORD holds a value that looks like a secret',
        'build arg DB_PASSWORD holds a value that looks like a secret',
      ],
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(evidence);
    // The value never appears in the evidence.
    expect(messages(out).join(' ')).not.toMatch(/hunter2|wJalr|ghp_abc|s3cret|AKIA|npm_7f/);
  });

  it.each([
    ['nginx defaults (1.41)', fromInspect(inspectV141())],
    [
      '*_FILE pointer and empty password (1.52)',
      fromInspect(inspectV152(env('POSTGRES_PASSWORD_FILE=/run/secrets/db', 'REDIS_PASSWORD='))),
    ],
    [
      'settings about secrets',
      fromInspect(
        inspectV152(
          env(
            'API_URL=https://api.example.com/v1',
            'PASSWORD_MIN_LENGTH=12',
            'TOKEN_TTL=3600',
            'BYPASS=1',
            'AUTH_TOKEN_ENABLED=true',
          ),
        ),
      ),
    ],
    [
      'ordinary build args and a pointer to a BuildKit secret',
      built(['NODE_ENV=production', 'VERSION=1.4.2', 'NPM_TOKEN_FILE=/run/secrets/npm', 'GITHUB_TOKEN=']),
    ],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });
});
