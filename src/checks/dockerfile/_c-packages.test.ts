import { describe, expect, it } from 'vitest';
import { dockerfile, facts } from '../../../test/kit/dockerfile.js';
import { packageCommands } from './_c-packages.js';

/** One RUN's package commands as `tool action verb | options | operands(kind name op version)`. */
function model(run: string, pre = ''): string[] {
  const df = facts(dockerfile`
    FROM debian:12
    ${pre}
    RUN ${run}
  `);
  return packageCommands(df).map(
    (p) =>
      `${p.tool} ${p.action} ${p.verb} | ${p.options.map((o) => `${o.global ? 'g' : ''}${o.name}${o.value === null ? '' : `=${o.value}`}`).join(' ')} | ${p.operands
        .map((o) => `${o.kind}:${o.name}${o.op ?? ''}${o.version ?? ''}`)
        .join(' ')}`,
  );
}

describe('package command model', () => {
  it.each([
    [
      'apt-get -qy -o Dpkg::Options::=--force-confold install -t bookworm-backports curl=7.88 vim/bookworm ./x.deb',
      'apt-get install install | g-q g-y g-o=Dpkg::Options::=--force-confold -t=bookworm-backports | name:curl=7.88 name:vim/bookworm file:./x.deb',
    ],
    [
      'sudo -E /usr/bin/apt-get -o=APT::Get::Assume-Yes=1 update',
      'apt-get refresh update | g-o=APT::Get::Assume-Yes=1 | ',
    ],
    ['apt-get install -q=2 foo:amd64=1.0*', 'apt-get install install | -q=2 | name:foo:amd64=1.0*'],
    [
      'apk add --no-cache --virtual .build-deps gcc musl-dev=1.2-r0 py3-pip~23 foo@edge',
      'apk install add | --no-cache --virtual=.build-deps | name:gcc name:musl-dev=1.2-r0 name:py3-pip~23 name:foo',
    ],
    ['apk -U add -X http://x/main curl', 'apk install add | g-U -X=http://x/main | name:curl'],
    [
      'dnf install -y --setopt=tsflags=nodocs httpd-2.4.57-5.el9 java-11-openjdk kernel-0:5.14.0 @core x.rpm',
      'dnf install install | -y --setopt=tsflags=nodocs | name:httpd-2.4.57-5.el9 name:java-11-openjdk name:kernel-0:5.14.0 group:@core file:x.rpm',
    ],
    ['yum -y group install "Development Tools"', 'yum install group install | g-y | name:development tools'],
    ['yum update -y', 'yum upgrade update | -y | '],
    ['microdnf makecache', 'microdnf refresh makecache |  | '],
    [
      'zypper -n --gpg-auto-import-keys in -n curl "vim>=9"',
      'zypper install in | g-n g--gpg-auto-import-keys -n | name:curl name:vim>=9',
    ],
    // Unquoted, `vim>=9` is the word vim and a redirect to the file `=9`, as the shell reads it.
    ['zypper -n in vim>=9', 'zypper install in | g-n | name:vim'],
    [
      'python3 -m pip install --no-cache-dir -r req.txt -e . "requests[socks]>=2,<3" flask==1.0 https://x/y.whl',
      'pip install install | --no-cache-dir -r=req.txt -e=. | name:requests>=>=2,<3 name:flask====1.0 url:https://x/y.whl',
    ],
    ['/opt/venv/bin/pip3.12 uninstall -y six', 'pip remove uninstall | -y | name:six'],
    [
      'npm i -g --prefix /usr/local @scope/x@1.2.3 typescript user/repo',
      'npm install i | -g --prefix=/usr/local | name:@scope/x@1.2.3 name:typescript url:user/repo',
    ],
    ['yarn global add left-pad@1', 'yarn install global add |  | name:left-pad@1'],
    ['yarn --frozen-lockfile', 'yarn install null | g--frozen-lockfile | '],
    [
      'gem install -N rails:7.1 bundler -v 2.5',
      'gem install install | -N -v=2.5 | name:rails:7.1 name:bundler',
    ],
    [
      'go install -ldflags "-s -w" golang.org/x/tools/gopls@v0.16.2 ./cmd/...',
      'go install install | -ldflags=-s -w | name:golang.org/x/tools/gopls@v0.16.2 file:./cmd/...',
    ],
  ])('%s', (run, want) => {
    expect(model(run)).toEqual([want]);
  });

  it('reads words of unresolved variables as dynamic operands and resolved ones as names', () => {
    expect(model('apt-get install -y $PKGS "$OTHER"', 'ARG PKGS="curl git=1:2.39"')).toEqual([
      'apt-get install install | -y | name:curl name:git=1:2.39 dynamic:$OTHER',
    ]);
  });

  it('finds package commands in sh -c, heredocs, loops and ONBUILD', () => {
    const df = facts(dockerfile`
      FROM alpine
      RUN sh -c 'apk add curl'
      RUN <<EOF
      for p in a b; do pip install "$p"; done
      EOF
      ONBUILD RUN npm ci
    `);
    expect(packageCommands(df).map((p) => `${p.cmd.line} ${p.tool} ${p.verb}`)).toEqual([
      '2 apk add',
      '4 pip install',
      '6 npm ci',
    ]);
  });

  it('ignores tools that are not package managers and python without -m pip', () => {
    expect(model('python3 -c "import pip" && echo apt-get install x && find / -name apt-get')).toEqual([]);
  });
});
