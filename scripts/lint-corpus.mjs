// A deterministic corpus of realistic Dockerfiles and compose files for `npm run bench:lint`: the same seed
// always writes the same bytes, so figures from different machines and commits compare like for like.
// The shapes are the ones seen in public repositories (distro installs, language builds, multi-stage,
// BuildKit mounts, heredocs, Windows escape directives) with a share of the insecure habits linters exist
// to catch. Run alone: `node scripts/lint-corpus.mjs OUTDIR [dockerfiles] [compose] [seed]`.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} is Dockerfile and compose syntax here
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** mulberry32: tiny, fast and identical on every platform (Math.random cannot be seeded). */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const chance = (p) => next() < p;
  const some = (xs, lo, hi) => {
    const copy = [...xs];
    const n = Math.min(copy.length, int(lo, hi));
    const out = [];
    for (let i = 0; i < n; i++) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
    return out;
  };
  const token = (n, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789') =>
    Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  return { next, int, pick, chance, some, token };
}

// ------------------------------------------------------------------------------------------ Dockerfiles

const APT_PKGS = [
  'ca-certificates',
  'curl',
  'wget',
  'git',
  'gnupg',
  'build-essential',
  'libpq-dev',
  'libssl-dev',
  'libffi-dev',
  'tini',
  'gosu',
  'unzip',
  'jq',
  'locales',
  'tzdata',
  'openssh-client',
  'netcat-openbsd',
  'procps',
  'vim',
  'less',
  'iputils-ping',
  'python3',
  'python3-pip',
  'pkg-config',
  'libxml2-dev',
  'zlib1g-dev',
  'imagemagick',
  'ffmpeg',
];
const APK_PKGS = [
  'ca-certificates',
  'curl',
  'bash',
  'git',
  'tini',
  'su-exec',
  'tzdata',
  'openssl',
  'jq',
  'build-base',
  'libffi-dev',
  'postgresql-dev',
  'musl-dev',
  'gcc',
  'make',
  'openssh-client',
  'shadow',
  'libc6-compat',
];
const DNF_PKGS = [
  'ca-certificates',
  'curl',
  'git',
  'gcc',
  'make',
  'openssl-devel',
  'python3',
  'procps-ng',
  'shadow-utils',
  'tar',
  'gzip',
  'which',
  'findutils',
  'hostname',
];
const PIP_PKGS = [
  'flask==3.0.3',
  'gunicorn==22.0.0',
  'requests',
  'django>=4.2,<5',
  'psycopg2-binary',
  'celery[redis]',
  'uvicorn[standard]',
  'fastapi',
  'numpy',
  'pandas==2.2.2',
  'boto3',
];
const NAMES = ['app', 'appuser', 'node', 'nobody', 'www-data', 'svc', 'runner', 'nonroot', 'worker'];
const APPS = ['api', 'web', 'worker', 'gateway', 'auth', 'billing', 'frontend', 'scheduler', 'proxy', 'cli'];
const PORTS = [80, 443, 3000, 5000, 8000, 8080, 8443, 9000, 9090, 4000, 5432, 6379, 22];

function cont(lines, indent = '    ', esc = '\\') {
  // One logical instruction over several physical lines, as people write long RUNs.
  // Returned as one element: stages are lists of instructions, and filler goes only between instructions.
  return [
    lines
      .map((l, i) => (i < lines.length - 1 ? `${i ? indent : ''}${l} ${esc}` : `${indent}${l}`))
      .join('\n'),
  ];
}

function aptInstall(r, esc) {
  const pkgs = r.some(APT_PKGS, 2, 10).sort();
  if (r.chance(0.15)) pkgs.push('sudo');
  const pinned = r.chance(0.2);
  const list = pkgs.map((p) => (pinned && p === 'curl' ? 'curl=7.88.1-10+deb12u7' : p));
  const style = r.int(0, 4);
  if (style === 0) return [`RUN apt-get update && apt-get install -y ${list.join(' ')}`];
  if (style === 1)
    // The classic mistake: update cached in its own layer, install later.
    return ['RUN apt-get update', `RUN apt-get install -y ${list.join(' ')}`];
  const head = r.chance(0.7)
    ? 'RUN apt-get update && apt-get install -y --no-install-recommends'
    : 'RUN set -eux; apt-get update; apt-get install -y --no-install-recommends';
  const tail = r.chance(0.8) ? ['&& rm -rf /var/lib/apt/lists/*'] : [];
  if (style === 4)
    return cont(
      [
        'RUN --mount=type=cache,target=/var/cache/apt,sharing=locked',
        '--mount=type=cache,target=/var/lib/apt,sharing=locked',
        `apt-get update && apt-get install -y --no-install-recommends ${list.join(' ')}`,
      ],
      '    ',
      esc,
    );
  const upgrade = r.chance(0.15) ? ['&& apt-get upgrade -y'] : [];
  return cont([head, ...list, ...upgrade, ...tail], '    ', esc);
}

function apkInstall(r, esc) {
  const pkgs = r.some(APK_PKGS, 1, 8).sort();
  if (r.chance(0.1)) pkgs.push('sudo');
  const s = r.int(0, 3);
  if (s === 0) return [`RUN apk add --no-cache ${pkgs.join(' ')}`];
  if (s === 1) return [`RUN apk update && apk add ${pkgs.join(' ')}`];
  if (s === 2) return cont(['RUN apk add --no-cache', ...pkgs], '        ', esc);
  return cont(
    [
      `RUN apk add --no-cache --virtual .build-deps ${pkgs.join(' ')}`,
      '&& make -j"$(nproc)"',
      '&& apk del .build-deps',
    ],
    '    ',
    esc,
  );
}

function dnfInstall(r, tool, esc) {
  const pkgs = r.some(DNF_PKGS, 2, 8).sort();
  if (r.chance(0.3))
    return cont([`RUN ${tool} install -y ${pkgs.shift()}`, ...pkgs, `&& ${tool} clean all`], '    ', esc);
  if (r.chance(0.5)) return [`RUN ${tool} -y update && ${tool} install -y ${pkgs.join(' ')}`];
  return [`RUN ${tool} install -y ${pkgs.join(' ')} && ${tool} clean all && rm -rf /var/cache/${tool}`];
}

function osInstall(r, os, esc) {
  if (os === 'apt') return aptInstall(r, esc);
  if (os === 'apk') return apkInstall(r, esc);
  return dnfInstall(r, os, esc);
}

/** Base images by family: [image, package manager]. */
const BASES = {
  debian: [
    ['debian:bookworm-slim', 'apt'],
    ['debian:12', 'apt'],
    ['debian:bullseye', 'apt'],
    ['debian', 'apt'],
    ['ubuntu:22.04', 'apt'],
    ['ubuntu:24.04', 'apt'],
    ['ubuntu:latest', 'apt'],
    ['ubuntu@sha256:', 'apt'],
  ],
  alpine: [
    ['alpine:3.20', 'apk'],
    ['alpine:3.19', 'apk'],
    ['alpine', 'apk'],
    ['alpine:latest', 'apk'],
  ],
  fedora: [
    ['fedora:40', 'dnf'],
    ['rockylinux:9', 'dnf'],
    ['registry.access.redhat.com/ubi9/ubi:9.4', 'dnf'],
    ['centos:7', 'yum'],
    ['amazonlinux:2', 'yum'],
  ],
};

function baseImage(r, family) {
  const [img, pm] = r.pick(BASES[family]);
  return [img.endsWith('@sha256:') ? img + r.token(64, '0123456789abcdef') : img, pm];
}

function secretEnv(r) {
  const kind = r.int(0, 4);
  if (kind === 0) return `ENV AWS_ACCESS_KEY_ID=AKIA${r.token(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
  if (kind === 1) return `ENV DB_PASSWORD=${r.token(12)}`;
  if (kind === 2) return `ENV API_TOKEN ${r.token(32)}`;
  if (kind === 3) return 'ARG NPM_TOKEN';
  return `ENV SECRET_KEY="${r.token(40)}"`;
}

function insecureRun(r) {
  return r.pick([
    'RUN curl -fsSL https://get.docker.com | sh',
    'RUN curl -sSL https://install.python-poetry.org | python3 -',
    'RUN wget -qO- https://deb.nodesource.com/setup_20.x | bash -',
    'RUN curl -k -o /tmp/tool.tgz https://downloads.example.com/tool.tgz && tar -xzf /tmp/tool.tgz -C /usr/local/bin',
    'RUN wget --no-check-certificate https://downloads.example.com/agent.sh -O /agent.sh && sh /agent.sh',
    'RUN chmod 777 /app',
    'RUN chmod -R 777 /var/www',
    'RUN sudo apt-get install -y nginx',
    'RUN echo "root:root" | chpasswd',
    'RUN mkdir -p /root/.ssh && echo "StrictHostKeyChecking no" >> /etc/ssh/ssh_config',
    'RUN pip install --trusted-host pypi.org --trusted-host files.pythonhosted.org requests',
    'RUN npm config set strict-ssl false && npm install',
  ]);
}

function labels(r, esc) {
  const kv = [
    'org.opencontainers.image.title="app"',
    `org.opencontainers.image.version="1.${r.int(0, 20)}.${r.int(0, 9)}"`,
    'org.opencontainers.image.source="https://github.com/example/app"',
    'org.opencontainers.image.licenses="MIT"',
    'org.opencontainers.image.vendor="Example Inc."',
  ];
  const s = r.int(0, 3);
  if (s === 0) return [`LABEL maintainer="dev@example.com"`];
  if (s === 1) return ['MAINTAINER Jane Doe <jane@example.com>'];
  if (s === 2) return cont(['LABEL', ...r.some(kv, 2, 5)], '      ', esc);
  return r.some(kv, 1, 3).map((l) => `LABEL ${l}`);
}

function healthcheck(r, port) {
  return r.pick([
    `HEALTHCHECK CMD curl -f http://localhost:${port}/ || exit 1`,
    `HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD wget -qO- http://127.0.0.1:${port}/health || exit 1`,
    `HEALTHCHECK --interval=10s --timeout=5s --start-period=20s \\\n  CMD ["curl", "-fsS", "http://localhost:${port}/healthz"]`,
    'HEALTHCHECK NONE',
  ]);
}

function user(r) {
  return r.pick([
    'USER 1000',
    'USER 1000:1000',
    'USER 65532:65532',
    `USER ${r.pick(NAMES)}`,
    `USER ${r.pick(NAMES)}:${r.pick(NAMES)}`,
    'USER root',
    'USER ${APP_UID:-10001}',
  ]);
}

function addUser(r, pm) {
  const name = r.pick(['app', 'appuser', 'svc', 'worker']);
  if (pm === 'apk') return [`RUN addgroup -S ${name} && adduser -S ${name} -G ${name}`, `USER ${name}`];
  if (pm === 'apt')
    return [
      `RUN groupadd --system --gid 10001 ${name} \\\n    && useradd --system --uid 10001 --gid ${name} --no-create-home ${name}`,
      r.chance(0.5) ? `USER ${name}` : 'USER 10001:10001',
    ];
  return [`RUN useradd -r -u 1001 ${name}`, 'USER 1001'];
}

function cmd(r, argv) {
  const shell = r.chance(0.35);
  const ep = r.chance(0.3);
  if (ep) {
    const [first, ...rest] = argv;
    return shell
      ? [`ENTRYPOINT ${argv.join(' ')}`]
      : [
          `ENTRYPOINT ["${first}"]`,
          ...(rest.length ? [`CMD [${rest.map((a) => JSON.stringify(a)).join(', ')}]`] : []),
        ];
  }
  if (r.chance(0.15))
    return ['ENTRYPOINT ["/usr/bin/tini", "--"]', `CMD [${argv.map((a) => JSON.stringify(a)).join(', ')}]`];
  return shell ? [`CMD ${argv.join(' ')}`] : [`CMD [${argv.map((a) => JSON.stringify(a)).join(', ')}]`];
}

function padding(r, esc, heredocs) {
  // BuildKit heredocs are still rare in the wild: only files that use them at all get them as filler.
  if (heredocs && r.chance(0.3))
    return r.chance(0.5)
      ? [['RUN <<EOF', 'set -eux', `echo "configuring ${r.token(5)}"`, 'mkdir -p /etc/app', 'EOF'].join('\n')]
      : [
          [
            `COPY <<EOF /etc/app/${r.token(4)}.conf`,
            `listen ${r.pick(PORTS)}`,
            `workers ${r.int(1, 8)}`,
            'EOF',
          ].join('\n'),
        ];
  // Filler that real files carry: comments, ENV blocks, small RUN steps, ARGs.
  return r.pick([
    () => [
      `# ${r.pick(['Install dependencies', 'Configure locale', 'TODO: pin versions', 'Runtime settings', 'Cache bust'])}`,
    ],
    () => [
      `ENV ${r.pick(['TZ=UTC', 'LANG=C.UTF-8', 'PYTHONUNBUFFERED=1', 'NODE_ENV=production', 'PATH="/opt/app/bin:${PATH}"', 'GOFLAGS=-mod=readonly'])}`,
    ],
    () =>
      cont(
        ['ENV APP_HOME=/opt/app', 'APP_PORT=${PORT:-8080}', `LOG_LEVEL=${r.pick(['info', 'debug', 'warn'])}`],
        '    ',
        esc,
      ),
    () => [`ARG ${r.pick(['BUILD_DATE', 'VCS_REF', 'VERSION=1.0.0', 'TARGETARCH', 'http_proxy'])}`],
    () => [`RUN mkdir -p /opt/app/${r.pick(['logs', 'tmp', 'data', 'cache'])}`],
    () => ['RUN ln -sf /dev/stdout /var/log/app.log'],
    () => [`WORKDIR /opt/app/${r.pick(['src', 'conf', 'bin'])}`],
    () => [`COPY ${r.pick(['config/', 'scripts/', 'static/', 'entrypoint.sh'])} /opt/app/`],
    () => [`RUN echo "${r.token(8)}" > /opt/app/.build-id`],
    () => [`\n# ---- ${r.pick(['runtime', 'config', 'assets', 'permissions'])} ----`],
    () =>
      cont(
        [
          `RUN sed -i 's/^#\\?PermitRootLogin.*/PermitRootLogin no/' /etc/ssh/sshd_config`,
          `&& sed -i 's/worker_processes.*/worker_processes ${r.int(1, 8)};/' /etc/nginx/nginx.conf`,
          '&& echo "Europe/Berlin" > /etc/timezone',
        ],
        '    ',
        esc,
      ),
    () =>
      cont(
        [
          'RUN set -eux',
          `&& curl -fsSL -o /tmp/x.tgz https://example.com/x-${r.int(1, 9)}.tgz`,
          '&& tar -xzf /tmp/x.tgz -C /usr/local',
          '&& rm /tmp/x.tgz',
        ],
        '    ',
        esc,
      ),
  ])();
}

/** One build shape per family, returning the stages as line arrays. */
function shapes(r, esc) {
  return {
    distro(family) {
      const [img, pm] = baseImage(r, family);
      const port = r.pick(PORTS);
      const out = [`FROM ${img}`];
      if (r.chance(0.5)) out.push(...labels(r, esc));
      out.push(...osInstall(r, pm, esc));
      out.push(`WORKDIR ${r.pick(['/app', '/srv', '/opt/app', '/usr/src/app'])}`);
      out.push(`COPY ${r.pick(['. .', './ /app/', 'app/ .', '--chown=1000:1000 . .'])}`);
      if (r.chance(0.3)) out.push(`EXPOSE ${port}`);
      if (r.chance(0.3)) out.push(healthcheck(r, port));
      const who = r.int(0, 4);
      if (who < 2) out.push(...addUser(r, pm));
      else if (who < 4) out.push(user(r));
      out.push(
        ...cmd(
          r,
          r.pick([['/app/run.sh'], ['bash', '-c', 'exec ./start.sh'], ['./server', '--port', String(port)]]),
        ),
      );
      return [out];
    },
    python() {
      const slim = r.pick([
        'python:3.12-slim',
        'python:3.11-slim-bookworm',
        'python:3.12',
        'python:3.11-alpine',
        'python:3',
      ]);
      const port = r.pick([5000, 8000, 8080]);
      const multi = r.chance(0.35);
      const stages = [];
      if (multi) {
        stages.push([
          `FROM ${slim} AS builder`,
          'ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1',
          'WORKDIR /build',
          'COPY requirements.txt .',
          r.chance(0.5)
            ? 'RUN --mount=type=cache,target=/root/.cache/pip pip wheel --wheel-dir /wheels -r requirements.txt'
            : 'RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt',
        ]);
      }
      const run = [`FROM ${slim}${multi ? ' AS runtime' : ''}`];
      run.push(...cont(['ENV PYTHONDONTWRITEBYTECODE=1', 'PYTHONUNBUFFERED=1'], '    ', esc));
      if (r.chance(0.4)) run.push(...osInstall(r, slim.includes('alpine') ? 'apk' : 'apt', esc));
      run.push('WORKDIR /app');
      if (multi)
        run.push(
          'COPY --from=builder /wheels /wheels',
          'RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels',
        );
      else {
        run.push('COPY requirements.txt .');
        run.push(
          r.pick([
            'RUN pip install -r requirements.txt',
            'RUN pip install --no-cache-dir -r requirements.txt',
            `RUN pip install ${r
              .some(PIP_PKGS, 1, 4)
              .map((p) => (p.includes('>') || p.includes('[') ? `"${p}"` : p))
              .join(' ')}`,
            'RUN --mount=type=secret,id=pipconf,target=/etc/pip.conf pip install -r requirements.txt',
          ]),
        );
      }
      run.push('COPY . .');
      if (r.chance(0.3)) run.push(...addUser(r, slim.includes('alpine') ? 'apk' : 'apt'));
      run.push(`EXPOSE ${port}`);
      run.push(
        ...cmd(
          r,
          r.pick([
            ['gunicorn', '-b', `0.0.0.0:${port}`, 'app:app'],
            ['python', 'app.py'],
            ['uvicorn', 'main:app', '--host', '0.0.0.0', '--port', String(port)],
            ['python', 'manage.py', 'runserver', `0.0.0.0:${port}`],
          ]),
        ),
      );
      stages.push(run);
      return stages;
    },
    node() {
      const img = r.pick(['node:20-alpine', 'node:22-bookworm-slim', 'node:18', 'node:lts', 'node:20']);
      const yarn = r.chance(0.3);
      const install = yarn
        ? r.pick([
            'RUN yarn install --frozen-lockfile',
            'RUN yarn install --production',
            'RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile',
          ])
        : r.pick([
            'RUN npm ci --omit=dev',
            'RUN npm install',
            'RUN npm ci',
            'RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev',
            'RUN npm install --production --unsafe-perm',
          ]);
      const lock = yarn ? 'package.json yarn.lock ./' : 'package*.json ./';
      if (r.chance(0.45)) {
        const web = r.chance(0.4);
        const build = [
          `FROM ${img} AS ${r.pick(['build', 'builder', 'deps'])}`,
          'WORKDIR /app',
          `COPY ${lock}`,
          yarn ? 'RUN yarn install --frozen-lockfile' : 'RUN npm ci',
          'COPY . .',
          yarn ? 'RUN yarn build' : 'RUN npm run build',
        ];
        const alias = build[0].split(' AS ')[1];
        if (web)
          return [
            build,
            [
              `FROM nginx:${r.pick(['1.27-alpine', 'stable', 'alpine', 'latest'])}`,
              `COPY --from=${alias} /app/dist /usr/share/nginx/html`,
              ...(r.chance(0.5) ? ['COPY nginx.conf /etc/nginx/conf.d/default.conf'] : []),
              'EXPOSE 80',
              'CMD ["nginx", "-g", "daemon off;"]',
            ],
          ];
        return [
          build,
          [
            `FROM ${img}`,
            'ENV NODE_ENV=production',
            'WORKDIR /app',
            `COPY --from=${alias} --chown=node:node /app/dist ./dist`,
            `COPY ${lock}`,
            install,
            r.chance(0.7) ? 'USER node' : 'USER root',
            'EXPOSE 3000',
            ...cmd(r, ['node', 'dist/server.js']),
          ],
        ];
      }
      const out = [`FROM ${img}`, 'WORKDIR /usr/src/app', `COPY ${lock}`, install, 'COPY . .'];
      if (r.chance(0.3)) out.push(insecureRun(r));
      if (r.chance(0.5)) out.push('USER node');
      out.push(`EXPOSE ${r.pick([3000, 8080, 4000])}`);
      out.push(
        ...cmd(
          r,
          r.pick([
            ['npm', 'start'],
            ['node', 'index.js'],
            ['node', 'server.js'],
          ]),
        ),
      );
      return [out];
    },
    go() {
      const gov = r.pick(['golang:1.22', 'golang:1.23-alpine', 'golang:1.21-bookworm', 'golang:latest']);
      const mount = r.chance(0.4);
      const bin = r.pick(APPS);
      const build = [
        `FROM ${r.chance(0.3) ? '--platform=$BUILDPLATFORM ' : ''}${gov} AS build`,
        'ARG TARGETOS TARGETARCH',
        'WORKDIR /src',
        'COPY go.mod go.sum ./',
        mount ? 'RUN --mount=type=cache,target=/go/pkg/mod go mod download' : 'RUN go mod download',
        'COPY . .',
        ...(mount
          ? cont(
              [
                'RUN --mount=type=cache,target=/go/pkg/mod',
                '--mount=type=cache,target=/root/.cache/go-build',
                `CGO_ENABLED=0 GOOS=\${TARGETOS:-linux} GOARCH=\${TARGETARCH:-amd64} go build -ldflags="-s -w" -o /out/${bin} ./cmd/${bin}`,
              ],
              '    ',
              esc,
            )
          : [`RUN CGO_ENABLED=0 go build -trimpath -o /out/${bin} ./cmd/${bin}`]),
      ];
      if (r.chance(0.3)) build.push('RUN go test ./...');
      const rt = r.pick([
        'gcr.io/distroless/static-debian12:nonroot',
        'scratch',
        'alpine:3.20',
        'gcr.io/distroless/base-debian12',
        'debian:bookworm-slim',
      ]);
      const run = [`FROM ${rt}`];
      if (rt === 'scratch') run.push('COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/');
      if (rt.startsWith('alpine')) run.push('RUN apk add --no-cache ca-certificates');
      run.push(`COPY --from=build /out/${bin} /usr/local/bin/${bin}`);
      if (rt === 'scratch' || rt.includes('distroless'))
        run.push(r.pick(['USER 65532:65532', 'USER nonroot:nonroot', 'USER 10001']));
      run.push(`EXPOSE ${r.pick(PORTS)}`);
      run.push(`ENTRYPOINT ["/usr/local/bin/${bin}"]`);
      return [build, run];
    },
    java() {
      return [
        [
          `FROM ${r.pick(['maven:3.9-eclipse-temurin-21', 'maven:3-openjdk-17', 'gradle:8-jdk21'])} AS build`,
          'WORKDIR /workspace',
          'COPY pom.xml .',
          'RUN mvn -B dependency:go-offline',
          'COPY src ./src',
          'RUN mvn -B package -DskipTests',
        ],
        [
          `FROM ${r.pick(['eclipse-temurin:21-jre', 'eclipse-temurin:17-jre-alpine', 'openjdk:17'])}`,
          'WORKDIR /app',
          'COPY --from=build /workspace/target/*.jar app.jar',
          'ENV JAVA_OPTS="-XX:MaxRAMPercentage=75"',
          'EXPOSE 8080',
          ...cmd(r, ['java', '-jar', 'app.jar']),
        ],
      ];
    },
    rust() {
      return [
        [
          'FROM rust:1.79 AS chef',
          'WORKDIR /app',
          'COPY . .',
          'RUN --mount=type=cache,target=/usr/local/cargo/registry cargo build --release',
        ],
        [
          'FROM debian:bookworm-slim',
          ...aptInstall(r, esc),
          'COPY --from=0 /app/target/release/server /usr/local/bin/server',
          'USER 1000',
          'CMD ["server"]',
        ],
      ];
    },
    php() {
      return [
        [
          `FROM php:${r.pick(['8.3-apache', '8.2-fpm', '8.3-fpm-alpine'])}`,
          'RUN docker-php-ext-install pdo pdo_mysql opcache',
          'COPY --from=composer:2 /usr/bin/composer /usr/bin/composer',
          'WORKDIR /var/www/html',
          'COPY . .',
          'RUN composer install --no-dev --optimize-autoloader',
          'RUN chown -R www-data:www-data /var/www/html',
          'EXPOSE 80',
        ],
      ];
    },
  };
}

function windowsDockerfile(r) {
  // `# escape=`` exists for Windows paths; the continuation character becomes the backtick.
  const lines = [
    '# escape=`',
    '',
    `FROM mcr.microsoft.com/${r.pick(['windows/servercore:ltsc2022', 'dotnet/framework/runtime:4.8', 'powershell:lts-nanoserver-1809'])}`,
    'SHELL ["powershell", "-Command", "$ErrorActionPreference = \'Stop\';"]',
    'RUN Invoke-WebRequest -Uri https://example.com/tool.zip -OutFile C:\\tool.zip ; `',
    '    Expand-Archive C:\\tool.zip -DestinationPath C:\\tool ; `',
    '    Remove-Item C:\\tool.zip -Force',
    'WORKDIR C:\\app',
    'COPY . C:\\app',
  ];
  if (r.chance(0.5)) lines.push('ENV APP_HOME=C:\\app `', '    LOG_DIR=C:\\logs');
  lines.push(`EXPOSE ${r.pick([80, 8080])}`, 'ENTRYPOINT ["C:\\\\app\\\\app.exe"]');
  return lines;
}

function tinyDockerfile(r) {
  return r.pick([
    () => ['FROM nginx:alpine', 'COPY ./public /usr/share/nginx/html', 'EXPOSE 80'],
    () => ['FROM alpine', 'RUN apk add --no-cache curl', 'ENTRYPOINT ["curl"]'],
    () => ['FROM busybox', 'COPY hello.sh /', 'CMD /hello.sh'],
    () => ['FROM scratch', 'ADD rootfs.tar.gz /', 'CMD ["/bin/sh"]'],
    () => ['FROM python:3', 'ADD https://example.com/app.py /app.py', 'CMD python /app.py'],
    () => [
      'FROM postgres:16',
      'ENV POSTGRES_PASSWORD=postgres',
      'COPY init.sql /docker-entrypoint-initdb.d/',
    ],
    () => [
      'FROM ubuntu',
      'RUN apt-get update && apt-get install -y openssh-server',
      'EXPOSE 22',
      'CMD ["/usr/sbin/sshd", "-D"]',
    ],
    () => [
      'FROM redis:7',
      'COPY redis.conf /usr/local/etc/redis/redis.conf',
      'CMD [ "redis-server", "/usr/local/etc/redis/redis.conf" ]',
    ],
  ])();
}

/** One Dockerfile; `target` is the rough line count to grow towards (5..150). */
function dockerfile(r, target) {
  if (target <= 6 && r.chance(0.8)) {
    const note = r.pick([
      '# Minimal image',
      '# Simple wrapper image',
      '# syntax=docker/dockerfile:1',
      '# Quick start',
    ]);
    return `${[note, '', ...tinyDockerfile(r)].join('\n')}\n`;
  }
  if (r.chance(0.01)) return `${windowsDockerfile(r).join('\n')}\n`;
  const esc = r.chance(0.015) ? '`' : '\\';
  const head = [];
  if (esc === '`') head.push('# escape=`');
  else if (r.chance(0.3)) head.push(`# syntax=docker/dockerfile:${r.pick(['1', '1.7', '1.4'])}`);
  if (r.chance(0.5))
    head.push(
      `# ${r.pick(['Build image for the service', 'Production image', 'Dev container', 'Generated by scaffold; edit freely'])}`,
    );
  if (r.chance(0.35))
    head.push(
      `ARG ${r.pick(['BASE_TAG=3.20', 'VERSION', 'NODE_VERSION=20', 'PY=3.12', 'REGISTRY=docker.io'])}`,
    );
  const sh = shapes(r, esc);
  const family = r.pick([
    'debian',
    'debian',
    'alpine',
    'fedora',
    'python',
    'python',
    'node',
    'node',
    'go',
    'go',
    'java',
    'rust',
    'php',
  ]);
  let stages = ['debian', 'alpine', 'fedora'].includes(family) ? sh.distro(family) : sh[family]();
  // Backtick-escaped files keep backslash continuations out of the parser's way.
  const toEsc = (l) => (esc === '`' ? l.replace(/ \\(\n|$)/g, ' `$1') : l);
  if (esc === '`') stages = stages.map((s) => s.map(toEsc));
  const last = stages[stages.length - 1];
  if (r.chance(0.25)) last.splice(1, 0, secretEnv(r));
  if (r.chance(0.2)) last.splice(Math.max(1, last.length - 2), 0, insecureRun(r));
  if (r.chance(0.15))
    last.splice(
      1,
      0,
      `ADD https://github.com/example/tool/releases/download/v1.${r.int(0, 9)}.0/tool /usr/local/bin/tool`,
    );
  if (r.chance(0.1)) last.splice(1, 0, `VOLUME ${r.pick(['/data', '["/var/lib/app"]', '/tmp /var/log'])}`);
  if (r.chance(0.1)) last.splice(1, 0, 'STOPSIGNAL SIGTERM');
  if (r.chance(0.08)) last.splice(1, 0, 'ONBUILD COPY . /app');
  if (r.chance(0.15)) last.splice(1, 0, 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]');
  // Long files in the wild have more stages (test, dev, assets), not just more lines in one.
  for (let extra = 0; target > 50 && extra < Math.floor(target / 45); extra++) {
    const from = stages[0][0].match(/ AS (\S+)$/)?.[1] ?? '0';
    const stage = r.pick([
      () => [
        `FROM ${stages[0][0].slice(5).replace(/ AS \S+$/, '')} AS test-${extra}`,
        'WORKDIR /src',
        `COPY --from=${from} / /`,
        'ENV CI=true',
        'RUN make test || (cat /tmp/test.log && exit 1)',
      ],
      () => {
        const [img, pm] = baseImage(r, r.pick(['debian', 'alpine', 'fedora']));
        return [
          `FROM ${img} AS deps-${extra}`,
          ...osInstall(r, pm, esc),
          ...cont(
            [
              'RUN set -eux',
              `&& curl -fsSLo /tmp/pkg.tgz "https://downloads.example.com/pkg-\${PKG_VERSION:-1.${r.int(0, 9)}}.tgz"`,
              `&& echo "${r.token(64, '0123456789abcdef')}  /tmp/pkg.tgz" | sha256sum -c -`,
              '&& tar -xzf /tmp/pkg.tgz -C /opt',
              '&& rm -f /tmp/pkg.tgz',
            ],
            '    ',
            esc,
          ),
        ];
      },
      () => [
        `FROM node:20-alpine AS assets-${extra}`,
        'WORKDIR /assets',
        'COPY package.json package-lock.json ./',
        'RUN npm ci',
        'COPY assets/ ./',
        'RUN npm run build:css && npm run build:js',
      ],
    ])();
    stages.splice(stages.length - 1, 0, stage.map(toEsc));
    last.splice(Math.max(1, last.length - 1), 0, `COPY --from=${stage[0].split(' AS ')[1]} /opt /opt`);
  }
  const heredocs = r.chance(0.08);
  const count = (xs) => xs.reduce((a, l) => a + l.split('\n').length, 0);
  let n = head.length + stages.reduce((a, s) => a + count(s) + 1, 0);
  // Grow towards the target with filler placed after each stage's FROM (never before it).
  while (n < target) {
    const s = r.pick(stages);
    const add = padding(r, esc, heredocs).map(toEsc);
    s.splice(r.int(1, Math.max(1, s.length - 1)), 0, ...add);
    n += count(add);
  }
  return `${[...head, ...stages.map((s) => s.join('\n'))].join('\n\n')}\n`;
}

// ------------------------------------------------------------------------------------------ compose

const SERVICE_KINDS = [
  { name: 'db', image: ['postgres:16', 'postgres:15-alpine', 'mysql:8.0', 'mariadb:11'], port: 5432 },
  { name: 'redis', image: ['redis:7-alpine', 'redis:latest', 'valkey/valkey:8'], port: 6379 },
  { name: 'web', image: ['nginx:1.27-alpine', 'nginx', 'caddy:2', 'traefik:v3.1'], port: 80 },
  { name: 'api', build: true, port: 8080 },
  { name: 'worker', build: true },
  { name: 'frontend', build: true, port: 3000 },
  { name: 'queue', image: ['rabbitmq:3-management', 'nats:2.10'], port: 5672 },
  { name: 'search', image: ['elasticsearch:8.14.3', 'opensearchproject/opensearch:2'], port: 9200 },
  { name: 'monitor', image: ['prom/prometheus:v2.53.0', 'grafana/grafana:11.1.0'], port: 9090 },
  {
    name: 'agent',
    image: ['portainer/portainer-ce:2.20.3', 'containrrr/watchtower', 'gcr.io/cadvisor/cadvisor:v0.49.1'],
  },
  { name: 'mail', image: ['mailhog/mailhog'], port: 8025 },
];

function composeFile(r) {
  const n = r.int(1, 8);
  const kinds = r.some(SERVICE_KINDS, n, n);
  const useAnchor = r.chance(0.35);
  const out = [];
  if (r.chance(0.2)) out.push(`version: "${r.pick(['3', '3.8', '3.9', '2.4'])}"`, '');
  if (r.chance(0.3)) out.push(`name: ${r.pick(APPS)}-${r.token(4)}`, '');
  if (useAnchor) {
    out.push(
      'x-defaults: &defaults',
      '  restart: unless-stopped',
      '  logging:',
      '    driver: json-file',
      '    options:',
      '      max-size: "10m"',
      '      max-file: "3"',
    );
    if (r.chance(0.5)) out.push('  security_opt:', '    - no-new-privileges:true');
    out.push('');
  }
  const named = [];
  const nets = r.chance(0.4) ? ['frontend', 'backend'] : [];
  out.push('services:');
  for (const k of kinds) {
    const s = k.name;
    out.push(`  ${s}:`);
    if (useAnchor && r.chance(0.8)) out.push('    <<: *defaults');
    if (k.build) {
      if (r.chance(0.5)) out.push(`    build: ./${s}`);
      else
        out.push(
          '    build:',
          `      context: ./${s}`,
          `      dockerfile: ${r.pick(['Dockerfile', 'Dockerfile.prod', 'docker/Dockerfile'])}`,
          ...(r.chance(0.3) ? ['      args:', `        VERSION: \${VERSION:-dev}`] : []),
        );
      if (r.chance(0.5)) out.push(`    image: registry.example.com/${s}:\${TAG:-latest}`);
    } else out.push(`    image: ${r.pick(k.image)}`);
    if (r.chance(0.2)) out.push(`    container_name: ${s}-${r.token(3)}`);
    if (!useAnchor && r.chance(0.5))
      out.push(`    restart: ${r.pick(['always', 'unless-stopped', 'on-failure', '"no"'])}`);
    const hostNet = r.chance(0.06);
    if (hostNet) out.push('    network_mode: host');
    if (k.port && !hostNet && r.chance(0.75)) {
      out.push('    ports:');
      const pub = k.port + r.int(0, 2) * 1000;
      const style = r.int(0, 3);
      if (style === 0) out.push(`      - "${pub}:${k.port}"`);
      else if (style === 1) out.push(`      - "127.0.0.1:${pub}:${k.port}"`);
      else if (style === 2)
        out.push(`      - ${k.port}`, `      - "\${${s.toUpperCase()}_PORT:-${pub}}:${k.port}/tcp"`);
      else
        out.push(
          `      - target: ${k.port}`,
          `        published: "${pub}"`,
          '        protocol: tcp',
          `        mode: ${r.pick(['host', 'ingress'])}`,
          ...(r.chance(0.5) ? ['        host_ip: 0.0.0.0'] : []),
        );
    }
    const vols = [];
    if (s === 'db') {
      vols.push(
        r.chance(0.7) ? '      - dbdata:/var/lib/postgresql/data' : '      - ./data/db:/var/lib/mysql',
      );
      named.push('dbdata');
    }
    if (s === 'agent' || r.chance(0.05))
      vols.push(
        r.chance(0.5)
          ? '      - /var/run/docker.sock:/var/run/docker.sock'
          : '      - /var/run/docker.sock:/var/run/docker.sock:ro',
      );
    if (r.chance(0.3)) vols.push(`      - ./${r.pick(['config', 'conf', 'certs'])}:/etc/${s}:ro`);
    if (r.chance(0.15))
      vols.push(
        '      - type: bind',
        '        source: ./src',
        '        target: /app/src',
        ...(r.chance(0.5) ? ['        read_only: true'] : []),
      );
    if (r.chance(0.1))
      vols.push(
        '      - type: volume',
        `        source: ${s}-cache`,
        '        target: /cache',
        '        volume:',
        '          nocopy: true',
      );
    if (r.chance(0.05)) vols.push('      - /:/host:ro');
    if (vols.some((v) => v.includes(`${s}-cache`))) named.push(`${s}-cache`);
    if (vols.length) out.push('    volumes:', ...vols);
    if (r.chance(0.6)) {
      const pw = r.chance(0.3) ? r.token(10) : `\${${s.toUpperCase()}_PASSWORD:-changeme}`;
      if (r.chance(0.5))
        out.push(
          '    environment:',
          `      - LOG_LEVEL=${r.pick(['info', 'debug'])}`,
          `      - ${s === 'db' ? 'POSTGRES_PASSWORD' : 'SECRET_KEY'}=${pw}`,
          '      - TZ=UTC',
        );
      else
        out.push(
          '    environment:',
          '      LOG_LEVEL: info',
          `      DATABASE_URL: "postgres://app:${pw}@db:5432/app"`,
          `      FEATURE_FLAG: "${r.pick(['true', 'false'])}"`,
        );
    }
    if (r.chance(0.35)) {
      const test = r.pick([
        `["CMD", "curl", "-f", "http://localhost:${k.port ?? 8080}/health"]`,
        '["CMD-SHELL", "pg_isready -U postgres"]',
        '["CMD", "redis-cli", "ping"]',
        'wget -qO- http://localhost/ || exit 1',
      ]);
      out.push(
        '    healthcheck:',
        `      test: ${test}`,
        '      interval: 30s',
        '      timeout: 5s',
        `      retries: ${r.int(3, 5)}`,
        ...(r.chance(0.4) ? ['      start_period: 20s'] : []),
      );
    }
    if (r.chance(0.3))
      out.push(
        '    deploy:',
        '      resources:',
        '        limits:',
        `          cpus: "${r.pick(['0.5', '1', '2'])}"`,
        `          memory: ${r.pick(['256M', '512M', '1g', '2G'])}`,
        ...(r.chance(0.4) ? ['        reservations:', '          memory: 128M'] : []),
      );
    else if (r.chance(0.15))
      out.push(
        `    mem_limit: ${r.pick(['512m', '1g'])}`,
        `    cpus: ${r.pick(['0.5', '1.5'])}`,
        '    pids_limit: 200',
      );
    if (r.chance(0.08)) out.push('    privileged: true');
    if (r.chance(0.1))
      out.push(
        '    cap_add:',
        ...r.some(['NET_ADMIN', 'SYS_ADMIN', 'SYS_PTRACE', 'NET_RAW'], 1, 2).map((c) => `      - ${c}`),
      );
    if (r.chance(0.15)) out.push('    cap_drop:', '      - ALL');
    if (r.chance(0.2)) out.push(`    user: "${r.pick(['1000:1000', '65534', 'root', 'node'])}"`);
    if (r.chance(0.15)) out.push('    read_only: true', '    tmpfs:', '      - /tmp');
    if (r.chance(0.05)) out.push('    pid: host');
    if (r.chance(0.04)) out.push('    ipc: host');
    if (r.chance(0.05))
      out.push('    security_opt:', '      - seccomp:unconfined', '      - apparmor:unconfined');
    if (r.chance(0.05)) out.push('    devices:', '      - /dev/fuse:/dev/fuse');
    if (r.chance(0.3))
      out.push(
        `    command: ${r.pick(['["npm", "run", "start"]', 'python -m app', '--config /etc/app.yaml', '["celery", "-A", "app", "worker", "-l", "info"]'])}`,
      );
    // Only on services listed earlier: compose rejects dependency cycles.
    const others = kinds.slice(0, kinds.indexOf(k)).map((o) => o.name);
    if (others.length && r.chance(0.4)) {
      const deps = r.some(others, 1, 2);
      if (r.chance(0.5)) out.push('    depends_on:', ...deps.map((d) => `      - ${d}`));
      else
        out.push(
          '    depends_on:',
          ...deps.flatMap((d) => [
            `      ${d}:`,
            `        condition: ${r.pick(['service_started', 'service_healthy'])}`,
          ]),
        );
    }
    if (nets.length && !hostNet) out.push('    networks:', ...r.some(nets, 1, 2).map((x) => `      - ${x}`));
    if (r.chance(0.1))
      out.push('    labels:', `      - "traefik.http.routers.${s}.rule=Host(\`${s}.example.com\`)"`);
    if (r.chance(0.08)) out.push(`    profiles: ["${r.pick(['debug', 'tools'])}"]`);
  }
  if (named.length) out.push('', 'volumes:', ...[...new Set(named)].map((v) => `  ${v}:`));
  if (nets.length)
    out.push('', 'networks:', '  frontend:', '  backend:', ...(r.chance(0.5) ? ['    internal: true'] : []));
  return `${out.join('\n')}\n`;
}

// ------------------------------------------------------------------------------------------ corpus

/** Sizes skew small, as in the wild, with a long tail up to ~150 lines. */
function targetLines(r) {
  const u = r.next();
  if (u < 0.15) return r.int(5, 6);
  if (u < 0.55) return r.int(7, 25);
  if (u < 0.88) return r.int(26, 60);
  return r.int(61, 150);
}

const pad = (i) => String(i).padStart(5, '0');

/**
 * Writes `dockerfiles` Dockerfiles and `compose` compose files under `dir` (created if missing). Project
 * directories are dir/NNNNN; a compose file shares a directory with a Dockerfile as real projects do.
 * Returns the paths written, for the benchmark to feed to in-process linters.
 */
export function generateCorpus(dir, { dockerfiles = 2000, compose = 500, seed = 1 } = {}) {
  const r = prng(seed);
  const out = { dir: resolve(dir), dockerfiles: [], compose: [], bytes: 0, lines: 0 };
  const write = (path, text) => {
    writeFileSync(path, text);
    out.bytes += Buffer.byteLength(text);
    out.lines += text.split('\n').length - 1;
  };
  for (let i = 0; i < dockerfiles; i++) {
    const p = join(out.dir, pad(i));
    const u = r.next();
    let name = 'Dockerfile';
    let sub = p;
    if (u < 0.12) name = `Dockerfile.${r.pick(['dev', 'prod', 'ci', 'alpine', 'test'])}`;
    else if (u < 0.2) name = `${r.pick(APPS)}.Dockerfile`;
    else if (u < 0.26) sub = join(p, r.pick(['docker', 'build', `services/${r.pick(APPS)}`]));
    mkdirSync(sub, { recursive: true });
    const file = join(sub, name);
    write(file, dockerfile(r, targetLines(r)));
    out.dockerfiles.push(file);
  }
  const step = compose > 0 && dockerfiles >= compose ? Math.floor(dockerfiles / compose) : 1;
  for (let j = 0; j < compose; j++) {
    const p = join(out.dir, pad(j * step));
    mkdirSync(p, { recursive: true });
    const file = join(p, 'compose.yaml');
    write(file, composeFile(r));
    out.compose.push(file);
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, d, c, s] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write(
      'usage: node scripts/lint-corpus.mjs OUTDIR [dockerfiles=2000] [compose=500] [seed=1]\n',
    );
    process.exit(2);
  }
  const opts = { dockerfiles: Number(d ?? 2000), compose: Number(c ?? 500), seed: Number(s ?? 1) };
  const res = generateCorpus(dir, opts);
  process.stdout.write(
    `wrote ${res.dockerfiles.length} Dockerfiles and ${res.compose.length} compose files (${res.lines} lines, ${(res.bytes / 1024).toFixed(0)} KiB) to ${res.dir}\n`,
  );
}
