// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings hold compose interpolation syntax
import { describe, expect, it } from 'vitest';
import { type ComposeFile, type LoadOptions, loadCompose } from './load.js';

const files =
  (map: Record<string, string>): ((p: string) => string | undefined) =>
  (p) =>
    map[p];

const load = (fs: ComposeFile[], opts: LoadOptions = {}) =>
  loadCompose(fs, { readFile: () => undefined, ...opts });

const svc = (project: ReturnType<typeof loadCompose>, name: string) => {
  const s = project.services.find((x) => x.name === name);
  if (!s) throw new Error(`no service ${name}`);
  return s;
};

describe('loadCompose: parsing and locations', () => {
  it('keeps line/column of service keys, fields and sequence items', () => {
    const text = `services:
  web:
    image: nginx:1.25
    privileged: true
    ports:
      - "8080:80"
      - target: 443
        published: 8443
    deploy:
      resources:
        limits:
          memory: 512m
`;
    const p = load([{ path: '/app/compose.yaml', text }]);
    expect(p.diagnostics).toEqual([]);
    const web = svc(p, 'web');
    expect(web.locations['']).toEqual({ file: '/app/compose.yaml', line: 2, col: 3 });
    expect(web.locations.privileged).toMatchObject({ line: 4, col: 5 });
    expect(web.locations['ports.0']).toMatchObject({ line: 6, col: 9 });
    expect(web.locations['ports.1']).toMatchObject({ line: 7, col: 9 });
    expect(web.locations['ports.1.published']).toMatchObject({ line: 8, col: 9 });
    expect(web.locations['deploy.resources.limits.memory']).toMatchObject({ line: 12, col: 11 });
    expect(web.data.privileged).toBe(true);
  });

  it('resolves anchors, aliases and << merge keys (explicit keys win, locations point at the anchor)', () => {
    const text = `x-base: &base
  restart: always
  read_only: true
  logging: &logging
    driver: json-file
services:
  api:
    <<: *base
    image: api:1
    read_only: false
  worker:
    <<: [*base]
    image: worker:1
    logging: *logging
`;
    const p = load([{ path: '/app/compose.yaml', text }]);
    expect(p.diagnostics).toEqual([]);
    const api = svc(p, 'api');
    expect(api.data).toMatchObject({ restart: 'always', read_only: false, image: 'api:1' });
    expect(api.locations.restart).toMatchObject({ line: 2, col: 3 });
    expect(api.locations.read_only).toMatchObject({ line: 10, col: 5 });
    const worker = svc(p, 'worker');
    expect(worker.data).toMatchObject({ restart: 'always', logging: { driver: 'json-file' } });
    expect(worker.locations['logging.driver']).toMatchObject({ line: 5, col: 5 });
  });

  it('normalises environment/labels lists to maps and takes bare names from the shell environment', () => {
    const text = `services:
  app:
    image: app
    environment:
      - A=1
      - FROM_SHELL
      - NOT_SET
    labels: ["com.example.team=payments"]
`;
    const p = load([{ path: '/app/compose.yaml', text }], { env: { FROM_SHELL: 'x' } });
    const app = svc(p, 'app');
    expect(app.data.environment).toEqual({ A: '1', FROM_SHELL: 'x' });
    expect(app.data.labels).toEqual({ 'com.example.team': 'payments' });
    expect(app.locations['environment.A']).toMatchObject({ line: 5, col: 9 });
  });

  it('attaches services to the project default network or their declared networks', () => {
    const text = `name: Shop-Prod
services:
  a: {image: a}
  b: {image: b, networks: [back, ext]}
  c: {image: c, network_mode: host}
networks:
  back: {}
  ext: {external: true}
`;
    const p = load([{ path: '/srv/shop/compose.yaml', text }]);
    expect(p.name).toBe('shop-prod');
    expect(svc(p, 'a').networks).toEqual(['shop-prod_default']);
    expect(svc(p, 'b').networks).toEqual(['shop-prod_back', 'ext']);
    expect(svc(p, 'c').networks).toEqual([]);
  });
});

describe('loadCompose: interpolation', () => {
  const text = `services:
  db:
    image: postgres:\${PG_TAG:-16}
    user: "\${UID}:\${GID-1000}"
    environment:
      POSTGRES_PASSWORD: \${DB_PASSWORD:?DB_PASSWORD is required}
      PRICE: "5$$"
`;
  it('uses .env beside the first file, overridden by the given env', () => {
    const p = load([{ path: '/srv/app/compose.yaml', text }], {
      env: { UID: '999' },
      readFile: files({ '/srv/app/.env': 'UID=1\nDB_PASSWORD=from-dotenv\nPG_TAG=15\n' }),
    });
    expect(p.diagnostics).toEqual([]);
    expect(svc(p, 'db').data).toMatchObject({
      image: 'postgres:15',
      user: '999:1000',
      environment: { POSTGRES_PASSWORD: 'from-dotenv', PRICE: '5$' },
    });
  });

  it('reports a missing required variable at its line and column', () => {
    const p = load([{ path: '/srv/app/compose.yaml', text }]);
    expect(p.diagnostics).toEqual([
      '/srv/app/compose.yaml:6:7: required variable DB_PASSWORD is missing: DB_PASSWORD is required',
    ]);
    expect(svc(p, 'db').data.image).toBe('postgres:16');
    // Unset without a default is a warning, not an error; ${GID-1000} and ${PG_TAG:-16} have defaults.
    expect(p.warnings).toEqual(['/srv/app/compose.yaml:4:5: UID is not set; defaulting to a blank string']);
  });
});

describe('loadCompose: "variable is not set" warnings', () => {
  const warn = (file: string, line: number, col: number, v: string) =>
    `${file}:${line}:${col}: ${v} is not set; defaulting to a blank string`;
  it.each([
    [
      'once per variable per file, at its first use',
      'services:\n  a:\n    image: "app:${TAG}"\n  b:\n    image: "app:$TAG"\n    user: ${UID}\n',
      {},
      [warn('/p/compose.yaml', 3, 5, 'TAG'), warn('/p/compose.yaml', 6, 5, 'UID')],
    ],
    [
      'a nested default that is itself unset',
      'services:\n  a:\n    image: "app:${TAG:-${FALLBACK}}"\n',
      {},
      [warn('/p/compose.yaml', 3, 5, 'FALLBACK')],
    ],
    [
      'a list item, at the item',
      'services:\n  a:\n    image: app\n    volumes:\n      - data:/data\n      - ${DATA_DIR}/logs:/logs\n',
      {},
      [warn('/p/compose.yaml', 6, 9, 'DATA_DIR')],
    ],
    [
      'top-level name and secrets',
      'name: ${PROJECT}\nservices:\n  a: {image: app}\nsecrets:\n  key:\n    file: ${SECRETS_DIR}/key\n',
      {},
      [warn('/p/compose.yaml', 6, 5, 'SECRETS_DIR'), warn('/p/compose.yaml', 1, 1, 'PROJECT')],
    ],
    [
      'none when the variable is set, even empty',
      'services:\n  a:\n    image: "app:${TAG}"\n',
      { TAG: '' },
      [],
    ],
    [
      'none for defaults, alternatives, errors and $$',
      'services:\n  a:\n    image: "app:${TAG:-1}${T2-1}${T3:+x}${T4+x}"\n    command: echo $$HOME\n',
      {},
      [],
    ],
  ])('%s', (_n, text, env, want) => {
    const p = load([{ path: '/p/compose.yaml', text }], { env });
    expect(p.diagnostics).toEqual([]);
    expect(p.warnings).toEqual(want);
  });

  it('warns in each file that uses the variable, including an extended file', () => {
    const p = load(
      [
        {
          path: '/p/compose.yaml',
          text: 'services:\n  web:\n    extends: {file: base.yaml, service: base}\n    image: "web:${TAG}"\n',
        },
        { path: '/p/compose.prod.yaml', text: 'services:\n  web:\n    image: "web:${TAG}-prod"\n' },
      ],
      { readFile: files({ '/p/base.yaml': 'services:\n  base:\n    user: ${APP_UID}\n' }) },
    );
    expect(p.diagnostics).toEqual([]);
    expect(p.warnings).toEqual([
      warn('/p/compose.yaml', 4, 5, 'TAG'),
      warn('/p/base.yaml', 3, 5, 'APP_UID'),
      warn('/p/compose.prod.yaml', 3, 5, 'TAG'),
    ]);
  });
});

describe('loadCompose: build args, secrets and configs', () => {
  it('normalises build.args lists to maps, taking bare names from the environment', () => {
    const text = `services:
  web:
    build:
      context: .
      args:
        - NODE_ENV=production
        - NPM_TOKEN
        - NOT_SET
        - VERSION=\${VERSION:-dev}
`;
    const p = load([{ path: '/p/compose.yaml', text }], { env: { NPM_TOKEN: 'npm_x' } });
    const web = svc(p, 'web');
    expect(web.data.build).toEqual({
      context: '.',
      args: { NODE_ENV: 'production', NPM_TOKEN: 'npm_x', VERSION: 'dev' },
    });
    expect(web.locations['build.args.NPM_TOKEN']).toMatchObject({ line: 7, col: 11 });
    expect(web.locations['build.args.1']).toBeUndefined();
  });

  it('merges build args of an override by name', () => {
    const p = load([
      { path: '/p/compose.yaml', text: 'services:\n  web:\n    build: {context: ., args: [A=1, B=2]}\n' },
      { path: '/p/compose.ci.yaml', text: 'services:\n  web:\n    build:\n      args: {B: 3}\n' },
    ]);
    const web = svc(p, 'web');
    expect(web.data.build).toEqual({ context: '.', args: { A: '1', B: 3 } });
    expect(web.locations['build.args.B']).toMatchObject({ file: '/p/compose.ci.yaml', line: 4 });
  });

  it('merges top-level secrets and configs across files, interpolated', () => {
    const p = load(
      [
        {
          path: '/p/compose.yaml',
          text: 'services:\n  a: {image: a}\nsecrets:\n  db: {file: ./db.txt}\n  key: {environment: KEY}\nconfigs:\n  conf: {file: ./app.conf}\n',
        },
        { path: '/p/compose.prod.yaml', text: 'secrets:\n  db: {file: "${SECRETS}/db.txt"}\n' },
      ],
      { env: { SECRETS: '/etc/app' } },
    );
    expect(p.diagnostics).toEqual([]);
    expect(p.secrets).toEqual({
      db: {
        name: 'db',
        data: { file: '/etc/app/db.txt' },
        loc: { file: '/p/compose.yaml', line: 4, col: 3 },
      },
      key: { name: 'key', data: { environment: 'KEY' }, loc: { file: '/p/compose.yaml', line: 5, col: 3 } },
    });
    expect(p.configs.conf?.data).toEqual({ file: './app.conf' });
  });

  it.each([
    ['secrets: [db]\n', '/p/compose.yaml:2:1: "secrets" must be a mapping, found a sequence'],
    ['configs:\n  c: ./c.conf\n', '/p/compose.yaml:3:3: configs "c" must be a mapping, found a string'],
  ])('reports a malformed top-level definition: %j', (tail, want) => {
    const p = load([{ path: '/p/compose.yaml', text: `services: {a: {image: a}}\n${tail}` }]);
    expect(p.diagnostics).toEqual([want]);
  });
});

describe('loadCompose: several files', () => {
  const base = `services:
  web:
    image: nginx:1.25
    restart: always
    ports: ["80:80"]
    cap_add: [NET_ADMIN]
    command: ["nginx", "-g", "daemon off;"]
    environment: {A: "1", B: "2"}
    volumes:
      - ./html:/usr/share/nginx/html
      - logs:/var/log/nginx
    deploy:
      resources: {limits: {memory: 256m, cpus: "0.5"}}
`;
  const override = `services:
  web:
    image: nginx:1.27
    ports: ["127.0.0.1:8443:443", "80:80"]
    command: nginx-debug
    environment: {B: "3", C: "4"}
    volumes:
      - ./html:/usr/share/nginx/html:ro
    deploy:
      resources: {limits: {memory: 1g}}
  extra:
    image: busybox
`;
  it('merges in order: scalars override, maps merge, ports append, volumes merge by target', () => {
    const p = load([
      { path: '/app/compose.yaml', text: base },
      { path: '/app/compose.override.yaml', text: override },
    ]);
    expect(p.diagnostics).toEqual([]);
    expect(p.services.map((s) => s.name)).toEqual(['web', 'extra']);
    const web = svc(p, 'web');
    expect(web.data).toMatchObject({
      image: 'nginx:1.27',
      restart: 'always',
      ports: ['80:80', '127.0.0.1:8443:443'],
      cap_add: ['NET_ADMIN'],
      command: 'nginx-debug',
      environment: { A: '1', B: '3', C: '4' },
      volumes: ['./html:/usr/share/nginx/html:ro', 'logs:/var/log/nginx'],
      deploy: { resources: { limits: { memory: '1g', cpus: '0.5' } } },
    });
    // Locations follow the value that won.
    expect(web.locations.image).toMatchObject({ file: '/app/compose.override.yaml', line: 3 });
    expect(web.locations.restart).toMatchObject({ file: '/app/compose.yaml', line: 4 });
    expect(web.locations['ports.1']).toMatchObject({ file: '/app/compose.override.yaml', line: 4 });
    expect(web.locations['volumes.0']).toMatchObject({ file: '/app/compose.override.yaml', line: 8 });
    expect(web.locations['volumes.1']).toMatchObject({ file: '/app/compose.yaml', line: 11 });
    expect(web.locations['environment.A']).toMatchObject({ file: '/app/compose.yaml' });
    expect(web.locations['environment.C']).toMatchObject({ file: '/app/compose.override.yaml' });
    expect(web.locations['deploy.resources.limits.cpus']).toMatchObject({ file: '/app/compose.yaml' });
    expect(web.file).toBe('/app/compose.yaml');
    expect(svc(p, 'extra').file).toBe('/app/compose.override.yaml');
  });
});

describe('loadCompose: !reset and !override in override files', () => {
  it('removes a reset field and replaces an overridden one instead of merging', () => {
    const base = `services:
  web:
    image: app
    cap_drop: [ALL]
    ports: ["80:80", "443:443"]
    environment: {A: "1", B: "2"}
    deploy: {resources: {limits: {memory: 1g, pids: 100}}}
`;
    const over = `services:
  web:
    cap_drop: !reset []
    ports: !override ["127.0.0.1:8080:80"]
    environment: !override {C: "3"}
    deploy: {resources: {limits: {pids: !reset null}}}
`;
    const p = load([
      { path: '/a/compose.yaml', text: base },
      { path: '/a/compose.override.yaml', text: over },
    ]);
    expect(p.diagnostics).toEqual([]);
    const web = svc(p, 'web');
    expect(web.data).toEqual({
      image: 'app',
      ports: ['127.0.0.1:8080:80'],
      environment: { C: '3' },
      deploy: { resources: { limits: { memory: '1g' } } },
    });
    expect(web.locations['cap_drop.0']).toBeUndefined();
    expect(web.locations['ports.1']).toBeUndefined();
    expect(web.locations['ports.0']).toMatchObject({ file: '/a/compose.override.yaml', line: 4 });
    expect(web.locations['environment.A']).toBeUndefined();
  });
});

describe('loadCompose: extends', () => {
  it('extends a service in the same file and in another file', () => {
    const main = `services:
  base:
    image: app:1
    read_only: true
    environment: {LOG: info}
  web:
    extends: base
    ports: ["8080:80"]
  worker:
    extends:
      file: common/services.yaml
      service: hardened
    image: worker:2
`;
    const common = `services:
  hardened:
    extends: inner
    cap_drop: [ALL]
  inner:
    image: base:1
    security_opt: ["no-new-privileges:true"]
`;
    const p = load([{ path: '/app/compose.yaml', text: main }], {
      readFile: files({ '/app/common/services.yaml': common }),
    });
    expect(p.diagnostics).toEqual([]);
    expect(svc(p, 'web').data).toEqual({
      image: 'app:1',
      read_only: true,
      environment: { LOG: 'info' },
      ports: ['8080:80'],
    });
    const worker = svc(p, 'worker');
    expect(worker.data).toEqual({
      image: 'worker:2',
      cap_drop: ['ALL'],
      security_opt: ['no-new-privileges:true'],
    });
    expect(worker.locations['cap_drop.0']).toMatchObject({ file: '/app/common/services.yaml', line: 4 });
    expect(worker.locations['']).toMatchObject({ file: '/app/compose.yaml', line: 9 });
  });

  it('reports cycles and missing targets as diagnostics', () => {
    const text = `services:
  a:
    extends: b
  b:
    extends: {service: a}
  c:
    extends: {service: nope}
  d:
    extends: {service: x, file: missing.yaml}
`;
    const p = load([{ path: '/app/compose.yaml', text }]);
    expect(p.diagnostics).toContain('/app/compose.yaml:3:5: extends: cycle a -> b -> a');
    expect(p.diagnostics).toContain('/app/compose.yaml:5:5: extends: cycle b -> a -> b');
    // The services themselves survive, without the broken extends.
    expect(p.services.map((s) => s.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(p.diagnostics).toContain(
      '/app/compose.yaml:7:5: extends: service "nope" not found in /app/compose.yaml',
    );
    expect(p.diagnostics).toContain('/app/compose.yaml:9:5: extends: cannot read /app/missing.yaml');
  });
});

describe('loadCompose: env_file', () => {
  it('folds env files into environment, explicit entries winning, located at the env_file item', () => {
    const text = `services:
  app:
    image: app
    env_file:
      - ./app.env
      - path: ./optional.env
        required: false
      - ./missing.env
    environment:
      LOG_LEVEL: debug
`;
    const p = load([{ path: '/srv/app/compose.yaml', text }], {
      env: { REGION: 'eu' },
      readFile: files({ '/srv/app/app.env': 'DB_PASSWORD=s3cret\nLOG_LEVEL=info\nZONE=${REGION}-1\n' }),
    });
    expect(p.diagnostics).toEqual(['/srv/app/compose.yaml:8:9: env_file: cannot read /srv/app/missing.env']);
    const app = svc(p, 'app');
    expect(app.data.environment).toEqual({ DB_PASSWORD: 's3cret', ZONE: 'eu-1', LOG_LEVEL: 'debug' });
    expect(app.locations['environment.DB_PASSWORD']).toMatchObject({ line: 5, col: 9 });
    expect(app.locations['environment.LOG_LEVEL']).toMatchObject({ line: 10, col: 7 });
  });

  it('reports a diagnostic once even when an extended service is resolved twice', () => {
    const text = `services:
  base:
    image: app:\${TAG:?TAG is required}
  web:
    extends: base
`;
    const p = load([{ path: '/app/compose.yaml', text }]);
    expect(p.diagnostics).toEqual([
      '/app/compose.yaml:3:5: required variable TAG is missing: TAG is required',
    ]);
  });
});

describe('loadCompose: profiles', () => {
  const text = `services:
  app: {image: app}
  debug: {image: busybox, profiles: [debug]}
  admin: {image: adminer, profiles: [tools, debug]}
`;
  it.each([
    [undefined, {}, ['app']],
    [['debug'], {}, ['app', 'debug', 'admin']],
    [['tools'], {}, ['app', 'admin']],
    [['*'], {}, ['app', 'debug', 'admin']],
    [undefined, { COMPOSE_PROFILES: 'tools' }, ['app', 'admin']],
  ] as const)('active %j env %j -> %j', (active, env, want) => {
    const p = load([{ path: '/app/compose.yaml', text }], {
      ...(active ? { activeProfiles: [...active] } : {}),
      env,
    });
    expect(p.services.map((s) => s.name)).toEqual(want);
    expect(p.inactive).toEqual(['app', 'debug', 'admin'].filter((n) => !want.includes(n as never)));
  });
});

describe('loadCompose: broken input is a diagnostic, never an exception', () => {
  it.each([
    ['invalid YAML', 'services:\n  web:\n    image: [unclosed\n', /^\/x\/c\.yaml:\d+:\d+: invalid YAML: /],
    [
      'duplicate key',
      'services:\n  web: {image: a}\n  web: {image: b}\n',
      /^\/x\/c\.yaml:3:3: invalid YAML: .*unique/,
    ],
    ['empty file', '', /^\/x\/c\.yaml:1:1: empty compose file$/],
    ['comment only', '# nothing\n', /^\/x\/c\.yaml:1:1: empty compose file$/],
    [
      'not a mapping',
      '- a\n- b\n',
      /^\/x\/c\.yaml:1:1: top-level value must be a mapping, found a sequence$/,
    ],
    ['scalar', 'hello\n', /top-level value must be a mapping, found a string$/],
    ['services not a mapping', 'services: [web]\n', /^\/x\/c\.yaml:1:1: "services" must be a mapping/],
    [
      'service not a mapping',
      'services:\n  web: nginx\n',
      /^\/x\/c\.yaml:2:3: service "web" must be a mapping/,
    ],
    [
      'alias bomb',
      `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
      /invalid YAML: .*alias/i,
    ],
  ])('%s', (_name, text, want) => {
    const p = load([{ path: '/x/c.yaml', text }]);
    expect(p.services).toEqual([]);
    expect(p.diagnostics[0]).toMatch(want);
    for (const d of p.diagnostics) expect(d).not.toContain('\n');
  });

  it('refuses a 10 MB file without parsing it', () => {
    const text = `services:\n  web:\n    image: nginx\n    labels:\n${'      a: b\n'.repeat(1_000_000)}`;
    expect(text.length).toBeGreaterThan(10_000_000);
    const p = load([{ path: '/x/big.yaml', text }]);
    expect(p.services).toEqual([]);
    expect(p.diagnostics).toEqual(['/x/big.yaml:1:1: file is larger than 4194304 bytes; not a compose file']);
  });

  it('keeps the good files when one file is broken', () => {
    const p = load([
      { path: '/x/a.yaml', text: 'services:\n  web: {image: nginx}\n' },
      { path: '/x/b.yaml', text: 'services: [' },
    ]);
    expect(p.services.map((s) => s.name)).toEqual(['web']);
    expect(p.diagnostics[0]).toMatch(/^\/x\/b\.yaml:1:\d+: invalid YAML/);
  });

  it('reports no file', () => {
    expect(load([]).diagnostics).toEqual(['no compose file given']);
  });
});
