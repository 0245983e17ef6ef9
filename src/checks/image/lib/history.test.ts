import { describe, expect, it } from 'vitest';
import { packageOps, parseStep, redactUrl } from './history.js';
import { isTrusted, parseReference } from './reference.js';
import { assignments, isSecretName, isSecretValue } from './secrets.js';

describe('parseStep', () => {
  it.each([
    ['/bin/sh -c #(nop)  ENV PATH=/usr/local/bin:/usr/bin', 'ENV', 'PATH=/usr/local/bin:/usr/bin', 'classic'],
    ['/bin/sh -c #(nop) ADD file:0a7d4e in / ', 'ADD', 'file:0a7d4e in /', 'classic'],
    ['/bin/sh -c #(nop)  CMD ["bash"]', 'CMD', '["bash"]', 'classic'],
    ['/bin/sh -c apt-get update', 'RUN', 'apt-get update', 'classic'],
    ['|2 VERSION=1.2 TOKEN=abc /bin/sh -c make', 'RUN', 'make', 'classic'],
    ['/bin/bash -o pipefail -c curl -fsSL x | sh', 'RUN', 'curl -fsSL x | sh', 'classic'],
    ['RUN /bin/sh -c apt-get update # buildkit', 'RUN', 'apt-get update', 'buildkit'],
    ['RUN bash -ex -c apt-get -yqq update # buildkit', 'RUN', 'apt-get -yqq update', 'buildkit'],
    ['RUN |1 NPM_TOKEN=abc /bin/sh -c npm ci # buildkit', 'RUN', 'npm ci', 'buildkit'],
    ['RUN ["apt-get","update"] # buildkit', 'RUN', 'apt-get update', 'buildkit'],
    ['COPY . /app # buildkit', 'COPY', '. /app', 'buildkit'],
    [
      'RUN --mount=type=cache,target=/var/cache/apt --network=none /bin/sh -c apt-get update # buildkit',
      'RUN',
      'apt-get update',
      'buildkit',
    ],
    ['ADD https://example.com/a.tgz /opt/ # buildkit', 'ADD', 'https://example.com/a.tgz /opt/', 'buildkit'],
    ['ENV NODE_ENV=production', 'ENV', 'NODE_ENV=production', 'buildkit'],
    ['Imported from -', '', 'Imported from -', 'unknown'],
  ])('%s', (createdBy, instruction, args, builder) => {
    expect(parseStep(createdBy, 1)).toMatchObject({ instruction, args, builder });
  });

  it('keeps build args of a RUN', () => {
    expect(parseStep('|2 VERSION=1.2 TOKEN=abc /bin/sh -c make', 3).buildArgs).toEqual([
      { name: 'VERSION', value: '1.2' },
      { name: 'TOKEN', value: 'abc' },
    ]);
  });
});

describe('packageOps', () => {
  it.each([
    ['apt-get update', ['update']],
    ['apt-get -qq update && DEBIAN_FRONTEND=noninteractive apt-get install -y curl', ['update', 'install']],
    ['apt-get -o Acquire::Retries=3 update', ['update']],
    ['apk update', ['update']],
    ['apk add --no-cache curl', ['install']],
    ['yum makecache fast', ['update']],
    ['yum -y update', ['install']],
    ['dnf --setopt=tsflags=nodocs install -y httpd', ['install']],
    ['zypper --non-interactive refresh', ['update']],
    ['echo apt-get update', []],
    ['sudo /usr/bin/apt-get update; make', ['update']],
    ["sh -c 'pip install -r requirements.txt'", ['install']],
  ])('%s', (line, kinds) => {
    expect(packageOps(line).map((o) => o.kind)).toEqual(kinds);
  });
});

it('never echoes proxy credentials in package operation text', () => {
  expect(packageOps('apt-get -o Acquire::http::Proxy=http://u:pw@proxy:3128 update')[0]?.text).toBe(
    'apt-get -o Acquire::http::Proxy=http://proxy:3128 update',
  );
});

describe('redactUrl', () => {
  it('drops credentials and query strings', () => {
    expect(redactUrl('https://user:s3cr3t@example.com/f.tgz?token=abc')).toBe('https://example.com/f.tgz?…');
  });
});

describe('references', () => {
  it.each([
    ['nginx:1.27', 'docker.io', 'library/nginx', '1.27'],
    ['bitnami/redis:7', 'docker.io', 'bitnami/redis', '7'],
    ['index.docker.io/library/alpine:3.20', 'docker.io', 'library/alpine', '3.20'],
    ['localhost:5000/app:dev', 'localhost:5000', 'app', 'dev'],
    ['registry.example.com:5000/team/app@sha256:abc', 'registry.example.com:5000', 'team/app', undefined],
    ['ghcr.io/org/app', 'ghcr.io', 'org/app', undefined],
  ])('%s', (ref, registry, repository, tag) => {
    const p = parseReference(ref);
    expect(p).toMatchObject({ registry, repository });
    expect(p.tag).toBe(tag);
  });

  it('matches trusted hosts and repository prefixes', () => {
    expect(isTrusted(parseReference('nginx@sha256:1'), ['docker.io/library'])).toBe(true);
    expect(isTrusted(parseReference('bitnami/redis@sha256:1'), ['docker.io/library'])).toBe(false);
    expect(
      isTrusted(parseReference('registry-1.docker.io/bitnami/redis@sha256:1'), ['https://index.docker.io/']),
    ).toBe(true);
    expect(isTrusted(parseReference('ghcr.io/org/app@sha256:1'), ['ghcr.io/org'])).toBe(true);
    expect(isTrusted(parseReference('ghcr.io/organ/app@sha256:1'), ['ghcr.io/org'])).toBe(false);
  });
});

describe('secret names and values', () => {
  it.each([
    ['MYSQL_ROOT_PASSWORD', true],
    ['POSTGRES_PASSWORD', true],
    ['AWS_SECRET_ACCESS_KEY', true],
    ['NPM_TOKEN', true],
    ['STRIPE_KEY', true],
    ['DB_PASS', true],
    ['API_KEY', true],
    ['GPG_KEY', false],
    ['NGINX_GPGKEY', false],
    ['POSTGRES_PASSWORD_FILE', false],
    ['AWS_ACCESS_KEY_ID', false],
    ['TOKEN_TTL', false],
    ['PWD', false],
    ['KEYCLOAK_VERSION', false],
    ['PATH', false],
  ])('%s -> %s', (name, secret) => {
    expect(isSecretName(name)).toBe(secret);
  });

  it.each([
    ['hunter2', true],
    ['', false],
    ['false', false],
    ['$NPM_TOKEN', false],
    ['$' + '{TOKEN}', false],
    ['/run/secrets/db_password', false],
    ['$(cat /run/secrets/token)', false],
    ['`cat /run/secrets/token`', false],
  ])('value %j -> %s', (value, secret) => {
    expect(isSecretValue(value)).toBe(secret);
  });

  it('splits ENV/ARG assignments, legacy form included', () => {
    expect(assignments('A=1 B="x y" C=')).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '"x y"' },
      { name: 'C', value: '' },
    ]);
    expect(assignments('DB_PASSWORD hunter2')).toEqual([{ name: 'DB_PASSWORD', value: 'hunter2' }]);
    expect(assignments('make install', false)).toEqual([]);
  });
});
