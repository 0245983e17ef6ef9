// Images in a registry (Registry HTTP API v2 / OCI distribution): anonymous, basic or Bearer-token auth,
// TLS with an extra CA, plain http or unverified TLS only when asked. Manifests and configs are read into
// memory (bounded) and checked against their digests; layer blobs are streamed and checked as they pass.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { TargetError, UsageError } from '../../core/errors.js';
import { isObj, parseImageConfig, str } from './config.js';
import type { LayerSource } from './layer.js';
import {
  choosePlatform,
  type Descriptor,
  indexEntries,
  isIndex,
  MANIFEST_ACCEPT,
  parseImageManifest,
  parseJson,
} from './manifest.js';
import { DOCKER_HUB, formatPlatform } from './spec.js';
import type { ImageSpec, OpenedImage, OpenOptions, Platform } from './types.js';
import { limitsOf } from './types.js';
import { attribute, newWalkState, walkSources } from './walk.js';

const DEFAULT_TIMEOUT_MS = 30_000;
const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** Thrown for failures of the connection itself, which end the walk (as opposed to one bad blob). */
export class RegistryError extends TargetError {
  constructor(
    message: string,
    hint?: string,
    readonly fatal = false,
    readonly status?: number,
  ) {
    super(message, hint);
  }
}

export interface Credentials {
  username: string;
  password: string;
}

/** Docker Hub's server URL as the docker CLI stores it (in `auths` and for credential helpers). */
const HUB_SERVER = 'https://index.docker.io/v1/';

/** The helper's answer time limit (a keychain prompt would wait forever). */
const HELPER_TIMEOUT_MS = 10_000;

/**
 * Asks a docker credential helper (`docker-credential-NAME get`, the docker CLI's protocol: the server on
 * stdin, JSON with Username and Secret on stdout). Undefined when it has none; an identity token
 * (Username `<token>`) is not usable for a basic or token login and counts as none.
 */
export function credentialHelper(
  name: string,
  server: string,
  env: Readonly<Record<string, string | undefined>>,
): Credentials | undefined {
  if (!/^[A-Za-z0-9._-]+$/.test(name))
    throw new UsageError(`credential helper name "${name}" in the docker config is not a plain name`);
  const bin = `docker-credential-${name}`;
  const r = spawnSync(bin, ['get'], {
    input: server,
    encoding: 'utf8',
    timeout: HELPER_TIMEOUT_MS,
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
  });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `the docker config names credential helper ${bin}, which is not on the PATH`
        : code === 'ETIMEDOUT'
          ? `credential helper ${bin} did not answer within ${HELPER_TIMEOUT_MS / 1000} s`
          : `credential helper ${bin} failed: ${r.error.message}`,
      'install it, fix credsStore/credHelpers in ~/.docker/config.json, or give --username/--password',
    );
  }
  // "credentials not found in native keychain" and the like: this server has none.
  if (r.status !== 0) return undefined;
  let out: unknown;
  try {
    out = JSON.parse(r.stdout);
  } catch {
    throw new UsageError(`credential helper ${bin} printed something that is not JSON`);
  }
  if (!isObj(out)) return undefined;
  const username = str(out.Username);
  const password = str(out.Secret);
  if (!username || !password || username === '<token>') return undefined;
  return { username, password };
}

/**
 * Credentials for a registry from the docker config (~/.docker/config.json or $DOCKER_CONFIG), as the
 * docker CLI finds them: the registry's `credHelpers` entry, else the `credsStore` helper, else `auths`.
 */
export function dockerConfigCredentials(
  registry: string,
  configDir: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Credentials | undefined {
  const dir = configDir ?? env.DOCKER_CONFIG ?? join(homedir(), '.docker');
  let cfg: unknown;
  try {
    cfg = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
  } catch {
    return undefined;
  }
  if (!isObj(cfg)) return undefined;
  const server = registry === DOCKER_HUB ? HUB_SERVER : registry;
  const keys =
    registry === DOCKER_HUB
      ? [HUB_SERVER, 'index.docker.io', 'docker.io', 'registry-1.docker.io']
      : [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`, `${registry}/v1/`];
  if (isObj(cfg.credHelpers))
    for (const k of keys) {
      const helper = str(cfg.credHelpers[k]);
      if (helper) return credentialHelper(helper, server, env);
    }
  const store = str(cfg.credsStore);
  if (store) {
    const found = credentialHelper(store, server, env);
    if (found) return found;
  }
  if (!isObj(cfg.auths)) return undefined;
  for (const k of keys) {
    const e = cfg.auths[k];
    if (!isObj(e)) continue;
    const auth = str(e.auth);
    if (auth) {
      const decoded = Buffer.from(auth, 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      if (i > 0) return { username: decoded.slice(0, i), password: decoded.slice(i + 1) };
    }
    const username = str(e.username);
    const password = str(e.password);
    if (username && password) return { username, password };
  }
  return undefined;
}

const TLS_CODES =
  /^(?:DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(?:_LOCALLY)?|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|CERT_SIGNATURE_FAILURE|CERT_UNTRUSTED|ERR_TLS_CERT_ALTNAME_INVALID|EPROTO|ERR_SSL_.*)$/;

function networkError(err: unknown, host: string): RegistryError {
  const e = err as NodeJS.ErrnoException;
  const code = e.code ?? '';
  if (TLS_CODES.test(code) || /certificate|ssl|tls/i.test(e.message ?? ''))
    return new RegistryError(
      `TLS with registry ${host} failed: ${code || e.message}`,
      'give the CA that signed its certificate with --ca FILE, or --insecure to skip verification',
      true,
    );
  if (code === 'ECONNREFUSED')
    return new RegistryError(`cannot connect to registry ${host}: connection refused`, undefined, true);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new RegistryError(`registry host ${host} does not resolve`, undefined, true);
  if (code === 'ETIMEDOUT' || e.name === 'TimeoutError')
    return new RegistryError(`registry ${host} did not answer in time`, undefined, true);
  return new RegistryError(`registry ${host}: ${code || e.message}`, undefined, true);
}

interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

export function parseChallenge(header: string | undefined): Challenge | undefined {
  if (!header) return undefined;
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  for (const p of m[2]!.matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g))
    params[p[1]!.toLowerCase()] = p[2] ?? p[3] ?? '';
  return { scheme: m[1]!.toLowerCase(), params };
}

async function readBody(res: IncomingMessage, max: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of res as AsyncIterable<Buffer>) {
    n += c.length;
    if (n > max) {
      res.destroy();
      throw new RegistryError(`${what} is over the ${max}-byte limit`);
    }
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

export class RegistryClient {
  private scheme: 'https' | 'http' = 'https';
  private readonly agent: HttpsAgent;
  private readonly plainAgent = new HttpAgent({ keepAlive: true });
  private authorization: string | undefined;
  private triedFallback = false;
  readonly apiHost: string;

  constructor(
    readonly registry: string,
    readonly repository: string,
    private readonly creds: Credentials | undefined,
    private readonly opts: { ca?: Buffer; insecure: boolean; timeoutMs: number },
  ) {
    this.apiHost = registry === DOCKER_HUB ? 'registry-1.docker.io' : registry;
    this.agent = new HttpsAgent({
      keepAlive: true,
      rejectUnauthorized: !opts.insecure,
      ...(opts.ca ? { ca: opts.ca } : {}),
    });
  }

  private send(url: URL, headers: Record<string, string>): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const https = url.protocol === 'https:';
      const req = (https ? httpsRequest : httpRequest)(
        url,
        { method: 'GET', headers, agent: https ? this.agent : this.plainAgent },
        resolve,
      );
      // Idle timeout: a stalled connection (headers or body) is dropped, a slow but moving one is not.
      req.setTimeout(this.opts.timeoutMs, () =>
        req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
      );
      req.on('error', reject);
      req.end();
    });
  }

  /** GET /v2/<repo>/<path> with auth and redirects; resolves with any status but 401 (handled here). */
  async get(path: string, accept?: string): Promise<IncomingMessage> {
    let url = new URL(`${this.scheme}://${this.apiHost}/v2/${this.repository}/${path}`);
    const origin = url.host;
    let authed = false;
    for (let hop = 0; hop < 8; hop++) {
      const headers: Record<string, string> = { 'User-Agent': 'bulkhead' };
      if (accept) headers.Accept = accept;
      // Credentials go to the registry only, never to a redirect target (blob storage, CDN).
      if (this.authorization && url.host === origin) headers.Authorization = this.authorization;
      let res: IncomingMessage;
      try {
        res = await this.send(url, headers);
      } catch (err) {
        if (this.opts.insecure && this.scheme === 'https' && !this.triedFallback && hop === 0) {
          // --insecure also means plain http, as docker does for an insecure registry.
          this.triedFallback = true;
          this.scheme = 'http';
          url = new URL(`http://${this.apiHost}/v2/${this.repository}/${path}`);
          continue;
        }
        throw networkError(err, this.registry);
      }
      const status = res.statusCode ?? 0;
      if (status === 401 && url.host === origin) {
        res.resume();
        if (authed) throw this.authFailed();
        await this.authenticate(parseChallenge(res.headers['www-authenticate']));
        authed = true;
        continue;
      }
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        url = new URL(res.headers.location, url);
        continue;
      }
      return res;
    }
    throw new RegistryError(`registry ${this.registry}: too many redirects for ${path}`);
  }

  private authFailed(): RegistryError {
    return new RegistryError(
      `authentication to registry ${this.registry} failed`,
      this.creds
        ? 'check the user name and password (--username/--password or docker login)'
        : 'the registry wants credentials: --username/--password or docker login',
      true,
      401,
    );
  }

  private basic(): string | undefined {
    return this.creds
      ? `Basic ${Buffer.from(`${this.creds.username}:${this.creds.password}`).toString('base64')}`
      : undefined;
  }

  private async authenticate(ch: Challenge | undefined): Promise<void> {
    if (!ch || ch.scheme === 'basic') {
      if (!this.creds) throw this.authFailed();
      this.authorization = this.basic();
      return;
    }
    if (ch.scheme !== 'bearer' || !ch.params.realm)
      throw new RegistryError(
        `registry ${this.registry} asks for unsupported auth "${ch.scheme}"`,
        undefined,
        true,
      );
    let realm: URL;
    try {
      realm = new URL(ch.params.realm);
    } catch {
      throw new RegistryError(`registry ${this.registry} names an invalid token realm`, undefined, true);
    }
    if (realm.protocol !== 'https:' && !(realm.protocol === 'http:' && this.opts.insecure))
      throw new RegistryError(
        `registry ${this.registry} wants credentials sent to ${realm.origin} without TLS`,
        'use --insecure only if you trust that network',
        true,
      );
    if (ch.params.service) realm.searchParams.set('service', ch.params.service);
    realm.searchParams.set('scope', ch.params.scope ?? `repository:${this.repository}:pull`);
    const headers: Record<string, string> = { 'User-Agent': 'bulkhead', Accept: 'application/json' };
    const basic = this.basic();
    if (basic) headers.Authorization = basic;
    let res: IncomingMessage;
    try {
      res = await this.send(realm, headers);
    } catch (err) {
      throw networkError(err, realm.host);
    }
    const body = await readBody(res, 1024 * 1024, 'token response');
    if (res.statusCode === 401 || res.statusCode === 403) throw this.authFailed();
    if (res.statusCode !== 200)
      throw new RegistryError(`token service ${realm.host} answered HTTP ${res.statusCode}`, undefined, true);
    let token: string | undefined;
    try {
      const j = JSON.parse(body.toString('utf8')) as unknown;
      token = isObj(j) ? (str(j.token) ?? str(j.access_token)) : undefined;
    } catch {
      token = undefined;
    }
    if (!token) throw new RegistryError(`token service ${realm.host} returned no token`, undefined, true);
    this.authorization = `Bearer ${token}`;
  }

  /** A manifest or index by tag or digest: its bytes, media type and the sha256 of the bytes. */
  async manifest(
    ref: string,
    max: number,
  ): Promise<{ bytes: Buffer; mediaType?: string; digest: string; headerDigest?: string }> {
    const res = await this.get(`manifests/${ref}`, MANIFEST_ACCEPT);
    if (res.statusCode !== 200) {
      res.resume();
      throw this.statusError(
        res.statusCode ?? 0,
        `manifest ${this.repository}${ref.includes(':') ? '@' : ':'}${ref}`,
      );
    }
    const bytes = await readBody(res, max, 'manifest');
    const mediaType = str(res.headers['content-type']?.split(';')[0]?.trim());
    const headerDigest = str(res.headers['docker-content-digest']);
    return {
      bytes,
      digest: sha(bytes),
      ...(mediaType ? { mediaType } : {}),
      ...(headerDigest ? { headerDigest } : {}),
    };
  }

  async blob(digest: string): Promise<IncomingMessage> {
    const res = await this.get(`blobs/${digest}`);
    if (res.statusCode !== 200) {
      res.resume();
      throw this.statusError(res.statusCode ?? 0, `blob ${digest}`);
    }
    return res;
  }

  private statusError(status: number, what: string): RegistryError {
    if (status === 404)
      return new RegistryError(`${what} not found on ${this.registry}`, undefined, false, 404);
    if (status === 403)
      return new RegistryError(
        `access to ${what} on ${this.registry} denied (HTTP 403)`,
        undefined,
        true,
        403,
      );
    return new RegistryError(`${what} on ${this.registry}: HTTP ${status}`, undefined, status >= 500, status);
  }
}

export async function openRegistryImage(
  spec: Extract<ImageSpec, { kind: 'registry' }>,
  opts: OpenOptions,
  reference: string,
  want: { platform: Platform; explicit: boolean },
): Promise<OpenedImage> {
  const limits = limitsOf(opts);
  const env = opts.env ?? process.env;
  let ca: Buffer | undefined;
  if (opts.ca) {
    try {
      ca = readFileSync(opts.ca);
    } catch (err) {
      throw new UsageError(
        `cannot read the CA file ${opts.ca}: ${(err as NodeJS.ErrnoException).code ?? err}`,
      );
    }
  }
  if ((opts.username === undefined) !== (opts.password === undefined))
    throw new UsageError('give both --username and --password, or neither');
  const creds =
    opts.username !== undefined && opts.password !== undefined
      ? { username: opts.username, password: opts.password }
      : dockerConfigCredentials(spec.registry, opts.dockerConfigDir, env);
  const client = new RegistryClient(spec.registry, spec.repository, creds, {
    ...(ca ? { ca } : {}),
    insecure: opts.insecure === true,
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  const problems: string[] = [];
  const where = `${spec.registry}/${spec.repository}`;

  // By digest, the bytes must hash to it: anything else was swapped on the way.
  const fetchManifest = async (ref: string, expected?: string) => {
    const m = await client.manifest(ref, limits.maxJsonBytes);
    if (expected && m.digest !== expected)
      throw new RegistryError(
        `${where}: manifest content is ${m.digest}, not the requested ${expected}: tampered or corrupted`,
        undefined,
        true,
      );
    if (m.headerDigest && m.headerDigest !== m.digest && m.headerDigest.startsWith('sha256:'))
      problems.push(`the registry says the manifest is ${m.headerDigest} but its content is ${m.digest}`);
    return m;
  };
  let m = await fetchManifest(spec.digest ?? spec.tag ?? 'latest', spec.digest);
  let body = parseJson(m.bytes, `${where}: manifest`);
  let mediaType = m.mediaType ?? (isObj(body) ? str(body.mediaType) : undefined);
  for (let depth = 0; isIndex(mediaType, body); depth++) {
    if (depth >= 4) throw new RegistryError(`${where}: indexes nested too deep`);
    const d: Descriptor = choosePlatform(indexEntries(body), want.platform, want.explicit, where);
    m = await fetchManifest(d.digest, d.digest);
    body = parseJson(m.bytes, `${where}: manifest ${d.digest}`);
    mediaType = m.mediaType ?? (isObj(body) ? str(body.mediaType) : undefined);
  }
  const manifest = parseImageManifest(body, `${where}@${m.digest}`);

  const configRes = await client.blob(manifest.config.digest);
  const configBytes = await readBody(configRes, limits.maxJsonBytes, 'image config');
  if (sha(configBytes) !== manifest.config.digest)
    throw new RegistryError(
      `${where}: config content is ${sha(configBytes)}, not ${manifest.config.digest}: tampered or corrupted`,
      undefined,
      true,
    );
  const cfg = parseImageConfig(parseJson(configBytes, `${where}: config`), problems);
  if (
    want.explicit &&
    (cfg.platform.os !== want.platform.os || cfg.platform.architecture !== want.platform.architecture)
  )
    problems.push(
      `the image is ${formatPlatform(cfg.platform)}, not the requested ${formatPlatform(want.platform)}`,
    );
  if (manifest.layers.length !== cfg.diffIds.length)
    problems.push(
      `the manifest lists ${manifest.layers.length} layers but the config has ${cfg.diffIds.length} diff ids`,
    );
  const sources = manifest.layers.map(
    (l, index): LayerSource => ({
      index,
      digest: l.digest,
      verifyDigest: true,
      diffId: manifest.layers.length === cfg.diffIds.length ? cfg.diffIds[index] : undefined,
      mediaType: l.mediaType,
    }),
  );
  const tag = spec.tag
    ? `${spec.registry === DOCKER_HUB ? spec.repository.replace(/^library\//, '') : where}:${spec.tag}`
    : undefined;
  return {
    reference,
    source: 'registry',
    id: manifest.config.digest,
    repoTags: tag ? [tag] : [],
    digest: m.digest,
    platform: cfg.platform,
    config: cfg.config,
    history: cfg.history,
    ...(cfg.created ? { created: cfg.created } : {}),
    layerCount: sources.length,
    problems,
    async walk(visit, onLayer) {
      const state = newWalkState(limits, problems, visit);
      const layers = await walkSources(
        sources,
        (src) => client.blob(src.digest),
        state,
        onLayer,
        (err) => err instanceof RegistryError && err.fatal,
      );
      return attribute(layers, cfg.history);
    },
  };
}
