import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './language-packages-unpinned.js';

describe('BH-DKF-043 language-packages-unpinned', () => {
  it('fails on names without a fixed version', () => {
    const text = dockerfile`
      FROM python:3.12
      RUN pip install --no-cache-dir -r requirements.txt gunicorn "uvicorn[standard]>=0.30" flask==3.0.3
      RUN python3 -m pip install --upgrade pip
      FROM node:22
      RUN npm install -g npm@latest typescript@5.6.3 @angular/cli
      RUN yarn global add serve && pnpm add -g pnpm@next
      FROM ruby:3.3
      RUN gem install bundler rails:7.1.3
      FROM golang:1.23
      RUN go install golang.org/x/tools/gopls@latest && go get github.com/x/y
    `;
    expect(failures(check, text)).toEqual([
      '2:52 pip install without pinned versions: gunicorn, uvicorn[standard]>=0.30',
      '3:38 pip install without pinned versions: pip',
      '5:20 npm install without pinned versions: npm@latest, @angular/cli',
      '6:21 yarn global add without pinned versions: serve',
      '6:42 pnpm add without pinned versions: pnpm@next',
      '8:17 gem install without pinned versions: bundler',
      '10:16 go install without pinned versions: golang.org/x/tools/gopls@latest',
      '10:58 go get without pinned versions: github.com/x/y',
    ]);
  });

  it.each([
    ['pip ==', 'RUN pip install flask==3.0.3 "requests[socks]==2.32.3"'],
    ['pip compatible release and upper bound', 'RUN pip install "django~=5.0" "numpy>=1.26,<2"'],
    ['pip requirements file', 'RUN pip install -r requirements.txt'],
    ['pip constraints', 'RUN pip install -c constraints.txt flask'],
    ['pip hashes', 'RUN pip install --require-hashes flask'],
    ['pip local path and wheel', 'RUN pip install . ./dist/app-1.0-py3-none-any.whl'],
    ['pip editable', 'RUN pip install -e .'],
    ['npm ci', 'RUN npm ci --omit=dev'],
    ['bare npm install', 'RUN npm install'],
    ['npm version and range', 'RUN npm install -g typescript@5.6.3 @scope/x@^1.2.0'],
    ['yarn with lockfile', 'RUN yarn install --frozen-lockfile'],
    ['bare yarn', 'RUN yarn'],
    ['gem -v', 'RUN gem install bundler -v 2.5.23'],
    ['gem name:version', 'RUN gem install bundler:2.5.23'],
    ['go @version', 'RUN go install golang.org/x/tools/gopls@v0.16.2'],
    ['go local', 'RUN go install ./cmd/...'],
    ['go install through go.mod', 'RUN go install github.com/x/y/cmd/z'],
    ['unresolved', 'RUN pip install "$PKG"'],
  ])('passes: %s', (_n, run) => {
    expect(statuses(check, `FROM debian:12\n${run}\n`)).toEqual(['pass']);
  });
});
