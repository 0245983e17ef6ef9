import { describe, expect, it } from 'vitest';
import { looksText, mask, scanSecrets, secretCandidate } from './secrets.js';

// Fake tokens, assembled at run time so that this file itself does not look like a leak to scanners.
const chars = (n: number, alphabet = 'aB3dE5gH7jK9mN2pQ4sT6vW8yZ'): string =>
  Array.from({ length: n }, (_, i) => alphabet[(i * 7 + 3) % alphabet.length]).join('');
const AKIA = `AKIA${chars(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
const GHP = `ghp_${chars(36)}`;
const GLPAT = `glpat-${chars(20)}`;
const SLACK = `xoxb-${'1234567890'}-${'2345678901'}-${chars(24)}`;
const STRIPE = `sk_live_${chars(24)}`;
const GOOGLE = `AIza${chars(35)}`;
const NPM = `npm_${chars(36)}`;
const JWT = `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.${chars(43)}`;
const B64 = chars(64, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const PEM = (label: string): string => `-----BEGIN ${label}-----\n${B64}\n${B64}\n-----END ${label}-----\n`;

describe('scanSecrets', () => {
  const failing: { name: string; path: string; text: string; rule: string; line?: number }[] = [
    {
      name: 'RSA private key',
      path: '/root/.ssh/id_rsa',
      text: PEM('RSA PRIVATE KEY'),
      rule: 'private-key',
      line: 1,
    },
    {
      name: 'OpenSSH private key',
      path: '/home/app/.ssh/id_ed25519',
      text: PEM('OPENSSH PRIVATE KEY'),
      rule: 'private-key',
    },
    {
      name: 'PKCS#8 key in app dir',
      path: '/app/certs/server.key',
      text: PEM('PRIVATE KEY'),
      rule: 'private-key',
    },
    {
      name: 'encrypted legacy key with headers',
      path: '/etc/app/key.pem',
      text: `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0011\n\n${B64}\n-----END RSA PRIVATE KEY-----\n`,
      rule: 'private-key',
    },
    {
      name: 'AWS access key id in a script',
      path: '/app/deploy.sh',
      text: `#!/bin/sh\nexport AWS_ACCESS_KEY_ID=${AKIA}\n`,
      rule: 'aws-access-key-id',
      line: 2,
    },
    {
      name: 'aws credentials file',
      path: '/root/.aws/credentials',
      text: `[default]\naws_access_key_id = ${AKIA}\naws_secret_access_key = ${chars(40, 'abcdefghijklmnopqrstuvwxyzABCDEF0123456789/+')}\n`,
      rule: 'aws-credentials',
      line: 3,
    },
    { name: 'GitHub token', path: '/app/config.js', text: `const t = "${GHP}";`, rule: 'github-token' },
    { name: 'GitLab token', path: '/app/ci.sh', text: `TOKEN=${GLPAT}`, rule: 'gitlab-token' },
    { name: 'Slack bot token', path: '/srv/bot.py', text: `SLACK = '${SLACK}'`, rule: 'slack-token' },
    {
      name: 'Stripe live key',
      path: '/srv/pay.rb',
      text: `Stripe.api_key = "${STRIPE}"`,
      rule: 'stripe-secret-key',
    },
    { name: 'Google API key', path: '/srv/maps.js', text: `key: '${GOOGLE}'`, rule: 'google-api-key' },
    { name: 'npm token in a script', path: '/app/publish.sh', text: `NPM=${NPM}`, rule: 'npm-token' },
    { name: 'JWT', path: '/app/token.txt', text: JWT, rule: 'jwt' },
    {
      name: 'docker config auths',
      path: '/root/.docker/config.json',
      text: JSON.stringify({
        auths: { 'registry.example.com': { auth: Buffer.from('ci:s3cr3tpass').toString('base64') } },
      }),
      rule: 'docker-config-auth',
    },
    {
      name: '.npmrc _authToken',
      path: '/root/.npmrc',
      text: `//registry.npmjs.org/:_authToken=${chars(36)}\n`,
      rule: 'npmrc-auth-token',
      line: 1,
    },
    {
      name: '.npmrc _auth',
      path: '/app/.npmrc',
      text: `registry=https://npm.example.com/\n_auth=${chars(24)}\n`,
      rule: 'npmrc-auth-token',
      line: 2,
    },
    {
      name: '.pypirc password',
      path: '/root/.pypirc',
      text: '[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc\n',
      rule: 'pypirc-password',
      line: 3,
    },
    {
      name: '.env secrets',
      path: '/app/.env',
      text: 'NODE_ENV=production\nDB_PASSWORD=Tr0ub4dor&3x\n',
      rule: 'dotenv-secret',
      line: 2,
    },
    {
      name: '.env.production',
      path: '/app/.env.production',
      text: `API_SECRET=${chars(20)}\n`,
      rule: 'dotenv-secret',
    },
    {
      name: 'kubeconfig client key',
      path: '/root/.kube/config',
      text: `apiVersion: v1\nkind: Config\nusers:\n- name: admin\n  user:\n    client-key-data: ${B64}\n`,
      rule: 'kubeconfig-client-key',
      line: 6,
    },
    {
      name: 'kubeconfig token',
      path: '/etc/kubeconfig.yaml',
      text: `apiVersion: v1\nkind: Config\nusers:\n- name: sa\n  user:\n    token: ${chars(40)}\n`,
      rule: 'kubeconfig-token',
    },
    {
      name: '.git-credentials',
      path: '/root/.git-credentials',
      text: `https://bob:${chars(20)}@github.com\n`,
      rule: 'git-credentials',
    },
    {
      name: '.netrc',
      path: '/root/.netrc',
      text: 'machine api.example.com login bob password hunter2hunter\n',
      rule: 'netrc-password',
    },
    {
      name: 'password in yaml config',
      path: '/etc/app/app.yaml',
      text: 'db:\n  host: db\n  password: Sup3rS3cret!\n',
      rule: 'generic-password',
      line: 3,
    },
    {
      name: 'password in ini',
      path: '/etc/mysql/conf.d/client.cnf',
      text: '[client]\npassword=r00tpassw0rd\n',
      rule: 'generic-password',
    },
  ];
  it.each(failing)('finds $name', ({ path, text, rule, line }) => {
    const hits = scanSecrets(path, text);
    expect(hits.map((h) => h.rule)).toContain(rule);
    const hit = hits.find((h) => h.rule === rule);
    if (line !== undefined) expect(hit?.line).toBe(line);
    // Masked: never the value itself.
    expect(text.includes(hit?.masked ?? '')).toBe(false);
  });

  const passing: { name: string; path: string; text: string }[] = [
    { name: 'public certificate', path: '/app/server.crt', text: PEM('CERTIFICATE') },
    { name: 'public key', path: '/root/.ssh/id_rsa.txt', text: PEM('PUBLIC KEY') },
    {
      name: 'parser source naming the header',
      path: '/app/pem.py',
      text: 'HEADER = "-----BEGIN RSA PRIVATE KEY-----"\n',
    },
    { name: "AWS's documented example key id", path: '/app/a.sh', text: 'AKIAIOSFODNN7EXAMPLE' },
    {
      name: "AWS's documented example secret",
      path: '/root/.aws/credentials',
      text: '[default]\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
    },
    {
      name: '.npmrc with env reference',
      path: '/root/.npmrc',
      text: `//registry.npmjs.org/:_authToken=\${NPM_TOKEN}\n`,
    },
    {
      name: 'docker config with credsStore only',
      path: '/root/.docker/config.json',
      text: '{"auths":{"ghcr.io":{}},"credsStore":"desktop"}',
    },
    { name: '.env without secrets', path: '/app/.env', text: 'PORT=8080\nLOG_LEVEL=debug\n' },
    {
      name: '.env placeholders',
      path: '/app/.env',
      text: `DB_PASSWORD=\nAPI_KEY=changeme\nJWT_SECRET=\${JWT_SECRET}\n`,
    },
    {
      name: 'yaml password placeholder',
      path: '/etc/app/app.yaml',
      text: `password: \${DB_PASSWORD}\nsecret: <your-secret>\n`,
    },
    {
      name: 'password key in source code is not a config file',
      path: '/app/main.py',
      text: 'password = "hunter2hunter2"\n',
    },
    { name: 'json schema type', path: '/app/schema.json', text: '{\n  "password": "string"\n}\n' },
  ];
  it.each(passing)('ignores $name', ({ path, text }) => {
    expect(scanSecrets(path, text)).toEqual([]);
  });
});

describe('secretCandidate', () => {
  const cases: [string, boolean][] = [
    ['/app/.env', true],
    ['/root/.docker/config.json', true],
    ['/etc/ssl/private/server.key', true],
    ['/etc/ssl/certs/ca-certificates.crt', false],
    ['/etc/pki/tls/certs/ca-bundle.crt', false],
    ['/usr/share/doc/openssl/example.key', false],
    ['/app/node_modules/jsonwebtoken/test/priv.pem', false],
    ['/app/tests/fixtures/id_rsa', false],
    ['/usr/lib/python3/dist-packages/x/key.pem', false],
    ['/app/examples/.env', false],
    ['/usr/lib/x86_64-linux-gnu/libssl.so.3', false],
    ['/app/logo.png', false],
  ];
  it.each(cases)('%s → %s', (path, want) => {
    expect(secretCandidate(path)).toBe(want);
  });
});

describe('mask and looksText', () => {
  it('keeps at most a short prefix', () => {
    const m = mask(GHP);
    expect(m.startsWith('ghp_')).toBe(true);
    expect(m).not.toContain(GHP.slice(6, 12));
    expect(mask('abc')).toBe('****');
  });
  it('treats a NUL in the first 8 KiB as binary', () => {
    expect(looksText(Buffer.from('hello\n'))).toBe(true);
    expect(looksText(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]))).toBe(false);
  });
});
