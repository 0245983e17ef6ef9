import { defineCheck, type Outcome, practice, url } from '../../core/model.js';
import type { ShellCommand, ShellWord } from '../../facts/dockerfile.js';
import { envFindings, FALSY } from './_b-toggles.js';
import { type Effective, finding, hasOption, operands, runCommands, verdict } from './_lib.js';

const PLAIN_HTTP = /^http:\/\//i;
const GIT_SSLVERIFY = /^http\.(.+\.)?sslverify$/i;
const APT_VERIFY = /^Acquire::https::(.+::)?Verify-(Peer|Host)=(false|0|no|off)$/i;
const SSLVERIFY_OFF = /(^|\\n|[\s.*])sslverify\s*=\s*(0|false|no|off)\b/i;
const MAVEN_INSECURE = /^-Dmaven\.wagon\.http\.ssl\.(insecure|allowall|ignore\.validity\.dates)=true$/;
/** Lines of config files written by echo/printf that turn TLS checks off. */
const CONFIG_TEXT: readonly [RegExp, string][] = [
  [/Verify-(Peer|Host)\s+"?(false|0|no)"?/i, 'apt configuration turns off certificate checks'],
  [SSLVERIFY_OFF, 'repository configuration sets sslverify off'],
  [/check_certificate\s*=\s*off/i, '.wgetrc turns off certificate checks'],
  [/(^|\s)strict-ssl\s*=\s*false/i, '.npmrc turns off strict-ssl'],
  [/(^|\s)trusted-host\s*=/i, 'pip configuration trusts a host without TLS checks'],
  [/sslVerify\s*=\s*false/i, 'git configuration turns off sslVerify'],
];
const PKG_JS = new Set(['npm', 'pnpm', 'yarn']);
const YUM = new Set(['yum', 'dnf', 'microdnf', 'tdnf', 'yum-config-manager']);
const CONDA = new Set(['conda', 'mamba', 'micromamba']);
const K8S = new Set(['helm', 'kubectl', 'oc']);
const REGISTRY_TOOLS = new Set(['skopeo', 'buildah', 'podman', 'crane', 'oras', 'regctl']);

const isPip = (name: string, args: readonly ShellWord[]): readonly ShellWord[] | null => {
  if (/^pip[0-9.]*$/.test(name)) return args;
  if (/^python[0-9.]*$/.test(name) && args[0]?.value === '-m' && /^pip[0-9.]*$/.test(args[1]?.value ?? ''))
    return args.slice(2);
  return null;
};

/** `tool config set KEY VALUE` / `tool config set KEY=VALUE` / `tool set KEY VALUE`: [key, value]. */
function configSet(args: readonly ShellWord[]): [string, string] | null {
  const i = args[0]?.value === 'config' && args[1]?.value === 'set' ? 2 : args[0]?.value === 'set' ? 1 : -1;
  if (i < 0) return null;
  const rest = operands(args.slice(i));
  const k = rest[0]?.value;
  if (k === undefined) return null;
  const eq = k.indexOf('=');
  if (eq > 0) return [k.slice(0, eq), k.slice(eq + 1)];
  return [k, rest[1]?.value ?? ''];
}

function judge(cmd: ShellCommand, eff: Effective, writes: boolean): string | null {
  const name = eff.name;
  if (name === null) return null;
  const args = eff.args;
  const values = args.map((a) => a.value);
  switch (name) {
    case 'curl':
      if (hasOption(args, { short: ['k'], long: ['insecure', 'proxy-insecure'] }))
        return 'curl -k/--insecure skips certificate checks';
      return null;
    case 'wget':
      if (values.includes('--no-check-certificate')) return 'wget --no-check-certificate';
      return null;
    case 'apk':
      if (values.includes('--no-check-certificate')) return 'apk --no-check-certificate';
      return null;
    case 'git': {
      for (let i = 0; i < args.length; i++) {
        const v = values[i] as string;
        const kv = v === '-c' ? values[i + 1] : v.startsWith('-c') && v.length > 2 ? v.slice(2) : undefined;
        if (kv) {
          const eq = kv.indexOf('=');
          if (eq > 0 && GIT_SSLVERIFY.test(kv.slice(0, eq)) && FALSY.test(kv.slice(eq + 1)))
            return `git -c ${kv}`;
        }
      }
      const ci = values.indexOf('config');
      if (ci >= 0) {
        const rest = operands(args.slice(ci + 1), ['-f', '--file', '--type', '--blob']);
        const key = rest[0]?.value;
        if (key && GIT_SSLVERIFY.test(key) && FALSY.test(rest[1]?.value ?? ''))
          return `git config ${key} ${rest[1]?.value}`;
      }
      return null;
    }
    case 'apt-get':
    case 'apt':
    case 'aptitude':
      for (const v of values) if (APT_VERIFY.test(v)) return `${name} -o ${v}`;
      return null;
    case 'gem':
      if ((values[0] === 'sources' || values[0] === 'install') && values.some((v) => PLAIN_HTTP.test(v)))
        return 'gem uses a plain-HTTP source';
      return null;
    case 'composer': {
      const ci = values.indexOf('config');
      if (ci < 0) return null;
      const rest = operands(args.slice(ci + 1)).map((w) => w.value);
      if (rest[0] === 'disable-tls' && /^(true|1)$/.test(rest[1] ?? ''))
        return 'composer config disable-tls true';
      if (rest[0] === 'secure-http' && FALSY.test(rest[1] ?? '')) return 'composer config secure-http false';
      return null;
    }
    case 'go':
      if (values.includes('-insecure')) return 'go get -insecure';
      return null;
    case 'svn':
      if (values.some((v) => v.startsWith('--trust-server-cert'))) return 'svn --trust-server-cert';
      return null;
    case 'ansible-galaxy':
      if (hasOption(args, { short: ['c'], long: ['ignore-certs'] })) return 'ansible-galaxy --ignore-certs';
      return null;
    case 'mvn':
    case 'mvnw':
    case 'gradle':
    case 'gradlew':
      for (const v of values) if (MAVEN_INSECURE.test(v)) return `${name} ${v}`;
      return null;
    case 'uv':
      if (values.some((v) => v === '--allow-insecure-host' || v.startsWith('--allow-insecure-host=')))
        return 'uv --allow-insecure-host';
      return null;
  }
  if (PKG_JS.has(name)) {
    if (values.some((v) => v === '--no-strict-ssl' || /^--strict-ssl=(false|0)$/.test(v)))
      return `${name} --strict-ssl=false`;
    const set = configSet(args);
    if (set && /^(strict-ssl|enableStrictSsl)$/.test(set[0]) && FALSY.test(set[1]))
      return `${name} config set ${set[0]} ${set[1]}`;
    if (set && set[0] === 'registry' && PLAIN_HTTP.test(set[1])) return `${name} registry over plain HTTP`;
    const reg = values.find(
      (v, i) =>
        (v.startsWith('--registry=') && PLAIN_HTTP.test(v.slice(11))) ||
        (v === '--registry' && PLAIN_HTTP.test(values[i + 1] ?? '')),
    );
    if (reg) return `${name} registry over plain HTTP`;
    return null;
  }
  const pip = isPip(name, args);
  if (pip) {
    if (pip.some((a) => a.value === '--trusted-host' || a.value.startsWith('--trusted-host=')))
      return 'pip --trusted-host';
    const set = configSet(pip);
    if (set && /(^|\.)trusted-host$/.test(set[0])) return `pip config set ${set[0]}`;
    return null;
  }
  if (YUM.has(name) || (name === 'dnf' && values[0] === 'config-manager')) {
    const w = values.find(
      (v) => v.startsWith('--setopt') && SSLVERIFY_OFF.test(v.replace(/^--setopt=?/, ' ')),
    );
    if (w) return `${name} ${w}`;
    return null;
  }
  if (CONDA.has(name)) {
    if (values.includes('--insecure')) return `${name} --insecure`;
    const i = values.indexOf('--set');
    if (i >= 0 && values[i + 1] === 'ssl_verify' && FALSY.test(values[i + 2] ?? ''))
      return `${name} config --set ssl_verify ${values[i + 2]}`;
    return null;
  }
  if (K8S.has(name)) {
    if (values.some((v) => v === '--insecure-skip-tls-verify' || v === '--insecure-skip-tls-verify=true'))
      return `${name} --insecure-skip-tls-verify`;
    return null;
  }
  if (REGISTRY_TOOLS.has(name)) {
    const w = values.find((v) => /^--(src-|dest-)?tls-verify=false$/.test(v) || v === '--insecure');
    if (w) return `${name} ${w}`;
    return null;
  }
  if (writes && (name === 'echo' || name === 'printf'))
    for (const v of values) for (const [re, m] of CONFIG_TEXT) if (re.test(v)) return m;
  void cmd;
  return null;
}

const envJudge = (name: string, value: string): string | null => {
  const n = name.toUpperCase();
  const v = value.trim();
  if (n === 'GIT_SSL_NO_VERIFY' && v !== '') return 'GIT_SSL_NO_VERIFY turns off git certificate checks';
  if (n === 'NODE_TLS_REJECT_UNAUTHORIZED' && v === '0')
    return 'NODE_TLS_REJECT_UNAUTHORIZED=0 turns off Node.js certificate checks';
  if (n === 'PYTHONHTTPSVERIFY' && v === '0')
    return 'PYTHONHTTPSVERIFY=0 turns off Python certificate checks';
  if ((n === 'PIP_TRUSTED_HOST' || n === 'UV_INSECURE_HOST') && v !== '')
    return `${n} trusts hosts without TLS checks`;
  if (
    (n === 'NPM_CONFIG_STRICT_SSL' || n === 'YARN_ENABLE_STRICT_SSL' || n === 'CONDA_SSL_VERIFY') &&
    FALSY.test(v)
  )
    return `${n} turns off certificate checks`;
  if (n === 'GOINSECURE' && v !== '') return 'GOINSECURE fetches modules without TLS checks';
  if (n === 'GOFLAGS' && /(^|\s)-insecure\b/.test(v)) return 'GOFLAGS=-insecure';
  if (
    (n === 'PIP_INDEX_URL' || n === 'PIP_EXTRA_INDEX_URL' || n === 'NPM_CONFIG_REGISTRY') &&
    PLAIN_HTTP.test(v)
  )
    return `${n} uses plain HTTP`;
  return null;
};

export default defineCheck({
  id: 'BH-DKF-026',
  slug: 'tls-verification-disabled',
  title: 'TLS certificate checks are not turned off',
  severity: 'high',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'Turning certificate checks off lets anyone on the network path (a proxy, a compromised mirror, a hostile Wi-Fi in CI) replace what the build downloads, and a setting made with ENV stays on in every container. Flagged, judged by parsed words and assignments: curl -k/--insecure, wget/apk --no-check-certificate, git -c http.sslVerify=false and `git config http.sslVerify false`, GIT_SSL_NO_VERIFY, NODE_TLS_REJECT_UNAUTHORIZED=0, PYTHONHTTPSVERIFY=0, npm/yarn/pnpm strict-ssl false or an http:// registry, pip --trusted-host and PIP_TRUSTED_HOST, uv --allow-insecure-host, apt -o Acquire::https::Verify-Peer=false, yum/dnf sslverify=0, conda ssl_verify false, composer disable-tls/secure-http false, gem sources over http://, go -insecure/GOINSECURE, helm/kubectl --insecure-skip-tls-verify, skopeo/podman --tls-verify=false, Maven wagon ssl.insecure, and the same settings echoed into .wgetrc/.npmrc/pip.conf/apt.conf/.repo files. Equivalent: Checkov CKV2_DOCKER policies on curl, wget, pip, PYTHONHTTPSVERIFY, NODE_TLS_REJECT_UNAUTHORIZED, npm strict-ssl and GIT_SSL_NO_VERIFY; KICS "Curl or Wget Without Certificate Validation".',
  remediation:
    'Keep verification on and trust the right CA instead: `COPY corp-ca.crt /usr/local/share/ca-certificates/ && RUN update-ca-certificates`, then `curl -fsSL https://…`; for Node set `NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/corp-ca.crt`, for pip `PIP_CERT`, for npm `npm config set cafile …`.',
  refs: [practice('P-IMG-2'), url('https://curl.se/docs/sslcerts.html')],
  evaluate: (df) => {
    const found: Outcome[] = envFindings(df, envJudge);
    for (const { ins, cmd, eff } of runCommands(df)) {
      const writes = cmd.redirects.some((r) => r.op === '>' || r.op === '>>') || cmd.pipeline >= 0;
      const m = judge(cmd, eff, writes);
      if (m) found.push(finding(df, ins, `${m}: ${cmd.text}`, cmd));
    }
    return verdict(found, 'no TLS certificate check is turned off');
  },
});
