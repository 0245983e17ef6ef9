// ssh:// endpoints as the docker CLI reaches them: one SSH connection to the host, and for each API request
// a channel running `docker system dial-stdio` there, which splices it to the daemon's local socket. The
// HTTP exchange then runs over that channel. One connection serves the whole audit, so a host with many
// containers costs one handshake, not one per request (docker-modem, used before, connected per request);
// requests are capped below OpenSSH's default MaxSessions (10 channels per connection).
import { type AgentOptions, Agent as HttpAgent } from 'node:http';
import { createRequire } from 'node:module';
import { connect as netConnect, type Socket } from 'node:net';
import { userInfo } from 'node:os';
import type { Duplex } from 'node:stream';
import type { Client, ClientChannel, ConnectConfig } from 'ssh2';

/** Parallel channels on the one connection (sshd's MaxSessions defaults to 10). */
export const SSH_MAX_CHANNELS = 8;

export interface SshTarget {
  host: string;
  port: number;
  username?: string | undefined;
  /** ssh-agent socket (SSH_AUTH_SOCK). */
  agent?: string | undefined;
  privateKey?: Buffer | undefined;
  /** Decides on the server's host key blob. */
  hostVerifier: (key: Buffer) => boolean;
  /** Handshake deadline. */
  readyTimeoutMs: number;
}

export interface SshSession {
  /** The agent to give node:http requests: its sockets are dial-stdio channels. */
  agent: HttpAgent;
  /** Keeps the process alive while a request is in flight; call the returned function when it ends. */
  hold(): () => void;
  close(): void;
}

/** What node:http calls on a socket; a channel lacks the TCP-only ones. */
function asSocket(ch: ClientChannel): Duplex {
  const s = ch as unknown as Record<string, unknown>;
  for (const m of ['setKeepAlive', 'setNoDelay', 'setTimeout', 'ref', 'unref'])
    if (typeof s[m] !== 'function') s[m] = () => ch;
  return ch;
}

class DialStdioAgent extends HttpAgent {
  constructor(
    private readonly client: () => Promise<Client>,
    opts: AgentOptions,
  ) {
    super(opts);
  }

  override createConnection(
    _options: unknown,
    callback: (err: Error | null, socket?: Duplex) => void,
  ): undefined {
    this.client().then(
      (c) => {
        try {
          this.dial(c, callback);
        } catch (err) {
          // ssh2 throws when the connection went away between requests.
          callback(err as Error);
        }
      },
      (err: Error) => callback(err),
    );
    return undefined;
  }

  private dial(c: Client, callback: (err: Error | null, socket?: Duplex) => void): void {
    c.exec('docker system dial-stdio', (err, ch) => {
      if (err) callback(err);
      else {
        // What the remote prints on stderr (docker missing, daemon down) explains a closed channel.
        let stderr = '';
        ch.stderr.on('data', (b: Buffer) => {
          if (stderr.length < 2000) stderr += b.toString('utf8');
        });
        // Before node:http's own 'end' handler turns the early end into a bare "socket hang up".
        ch.prependListener('end', () => {
          // Only while a request listens: an unheard 'error' event would crash the process.
          if (stderr.trim() && ch.listenerCount('error') > 0)
            ch.emit(
              'error',
              Object.assign(new Error(`remote docker system dial-stdio: ${stderr.trim()}`), {
                code: 'EREMOTEDIAL',
              }),
            );
        });
        callback(null, asSocket(ch));
      }
    });
  }
}

/** Opens (lazily, on the first request) one SSH connection for an ssh:// endpoint. */
export async function openSshSession(t: SshTarget): Promise<SshSession> {
  // Loaded on demand: ssh2 is only needed for ssh:// and costs start-up time.
  // Through require: the CLI bundle is a vm.Script (bin/bulkhead.js), which has no import().
  const SshClient = (createRequire(import.meta.url)('ssh2') as typeof import('ssh2')).Client;
  let sock: Socket | undefined;
  let client: Client | undefined;
  let ready: Promise<Client> | undefined;
  let active = 0;

  const start = (): Promise<Client> => {
    ready ??= new Promise<Client>((resolve, reject) => {
      sock = netConnect({ host: t.host, port: t.port });
      const c = new SshClient();
      client = c;
      c.once('ready', () => resolve(c));
      c.on('error', (err: Error) => reject(err));
      c.on('close', () => {
        reject(Object.assign(new Error('ssh connection closed'), { code: 'ECONNRESET' }));
      });
      const config: ConnectConfig = {
        sock,
        host: t.host,
        port: t.port,
        username: t.username ?? userInfo().username,
        readyTimeout: t.readyTimeoutMs,
        hostVerifier: t.hostVerifier,
        ...(t.agent ? { agent: t.agent } : {}),
        ...(t.privateKey ? { privateKey: t.privateKey } : {}),
      };
      c.connect(config);
      if (active === 0) sock.unref();
    });
    return ready;
  };

  const agent = new DialStdioAgent(start, { keepAlive: false, maxSockets: SSH_MAX_CHANNELS });
  return {
    agent,
    hold() {
      active++;
      sock?.ref();
      let done = false;
      return () => {
        if (done) return;
        done = true;
        active--;
        // Idle, the connection must not keep the process alive (as keep-alive sockets never do).
        if (active === 0) sock?.unref();
      };
    },
    close() {
      client?.end();
      agent.destroy();
    },
  };
}
