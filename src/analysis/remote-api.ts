// Where the daemon's API listens on TCP and whether that channel has TLS and client-certificate
// authentication, from the effective -H/hosts setting, TCP listeners owned by dockerd and the connection
// bulkhead itself used.
import type { Snapshot } from '../facts/snapshot.js';
import { effectiveDaemonConfig, type Setting } from './daemon-config.js';

export interface TcpEndpoint {
  /** Address as configured/seen ('' or 0.0.0.0/:: = every address). */
  host: string;
  port: number;
  /** What showed it, for evidence. */
  source: string;
  /** TLS as observed on this very endpoint (bulkhead's own connection), when known. */
  observedTls?: boolean;
}

export interface ApiExposure {
  endpoints: TcpEndpoint[];
  /** Set when the -H/hosts setting could not be resolved and nothing else showed a TCP endpoint. */
  unknownReason?: string;
  tls: Setting<boolean>;
  tlsVerify: Setting<boolean>;
  notes: string[];
}

/** Splits "tcp://host:port" (IPv6 in brackets; default port 2375, or 2376 with TLS). */
export function parseTcpAddress(addr: string, tls: boolean): { host: string; port: number } | undefined {
  const m = /^tcp:\/\/(\[[^\]]*\]|[^:/]*)(?::(\d+))?\/?$/i.exec(addr.trim());
  if (!m) return undefined;
  const host = (m[1] ?? '').replace(/^\[|\]$/g, '');
  return { host, port: m[2] ? Number(m[2]) : tls ? 2376 : 2375 };
}

export const isLoopback = (host: string): boolean =>
  /^127\./.test(host) || host === '::1' || host.toLowerCase() === 'localhost' || host === '::ffff:127.0.0.1';

export const isAnyAddress = (host: string): boolean =>
  host === '' || host === '0.0.0.0' || host === '::' || host === '*';

export const showEndpoint = (e: TcpEndpoint): string =>
  `${e.host === '' ? '0.0.0.0' : e.host.includes(':') ? `[${e.host}]` : e.host}:${e.port} (${e.source})`;

export function apiExposure(snap: Snapshot): ApiExposure {
  const cfg = effectiveDaemonConfig(snap);
  const tlsOn = (cfg.tls.known && cfg.tls.value) || (cfg.tlsVerify.known && cfg.tlsVerify.value);
  const endpoints: TcpEndpoint[] = [];
  const add = (e: TcpEndpoint) => {
    const same = endpoints.find((x) => x.host === e.host && x.port === e.port);
    if (!same) endpoints.push(e);
    else if (e.observedTls !== undefined) same.observedTls = e.observedTls;
  };
  if (cfg.hosts.known) {
    for (const h of cfg.hosts.value) {
      const a = parseTcpAddress(h, tlsOn);
      if (a)
        add({
          ...a,
          source: `${cfg.hosts.origin.startsWith('dockerd') ? 'dockerd -H' : cfg.hosts.origin.split(':')[0]} ${h}`,
        });
    }
  }
  const dockerdPids = new Set(
    (snap.host?.processes ?? []).filter((p) => p.name === 'dockerd').map((p) => p.pid),
  );
  for (const l of snap.host?.listeners ?? []) {
    if (l.process === 'dockerd' || (l.pid !== undefined && dockerdPids.has(l.pid))) {
      // Swarm's cluster (2377) and gossip (7946) ports are dockerd's too, but are not the Engine API.
      if (l.port === 2377 || l.port === 7946) continue;
      add({ host: l.address, port: l.port, source: `TCP listener of dockerd (pid ${l.pid ?? '?'})` });
    }
  }
  const c = snap.daemon?.connection;
  if (c?.protocol === 'tcp') {
    const a = parseTcpAddress(c.endpoint, c.tls);
    if (a) add({ ...a, source: `bulkhead connected to ${c.endpoint}`, observedTls: c.tls });
  }
  const out: ApiExposure = { endpoints, tls: cfg.tls, tlsVerify: cfg.tlsVerify, notes: [...cfg.hosts.notes] };
  if (!cfg.hosts.known && endpoints.length === 0) out.unknownReason = cfg.hosts.reason;
  return out;
}
