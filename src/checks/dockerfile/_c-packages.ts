// Group c: a model of package-manager commands read from parsed RUN words. Each tool's options that take a
// value are listed so that `-o Dpkg::Options::=x`, `-t bookworm-backports` or `--virtual .build-deps` are
// never mistaken for packages, and bundles (`-qy`) are split the way the tool's own option parser does.
import type { DockerfileFacts, Instruction, ShellCommand, ShellWord } from '../../facts/dockerfile.js';
import { baseName, type Effective, effective } from './_lib.js';

export type Tool =
  | 'apt-get'
  | 'apt'
  | 'aptitude'
  | 'apk'
  | 'yum'
  | 'dnf'
  | 'microdnf'
  | 'tdnf'
  | 'zypper'
  | 'pip'
  | 'npm'
  | 'yarn'
  | 'pnpm'
  | 'gem'
  | 'go';

/** OS families share a package namespace (apt: Debian, rpm: yum/dnf…); language tools their registry. */
export type Family = 'apt' | 'apk' | 'rpm' | 'zypper' | 'pip' | 'node' | 'gem' | 'go';

/** What the command does, whatever the tool calls it (`apk add`, `zypper in`, `npm i` are all install). */
export type Action = 'install' | 'refresh' | 'upgrade' | 'remove' | 'autoremove' | 'clean' | 'other';

export interface PkgOption {
  /** `-y` (bundles split) or `--assume-yes`; go's single-dash long options keep their one dash. */
  name: string;
  value: string | null;
  word: ShellWord;
  /** Before the subcommand (zypper's global options differ from its command options). */
  global: boolean;
}

export type OperandKind = 'name' | 'file' | 'url' | 'group' | 'dynamic';

export interface PkgOperand {
  word: ShellWord;
  kind: OperandKind;
  /** Package name without version (lower-case for OS packages); the word itself for non-names. */
  name: string;
  /** `=` `==` `@` `-` `>=` `~` `:` `/` (apt release) …, or null when no version is given. */
  op: string | null;
  version: string | null;
}

export interface PkgCommand {
  /** Index of the RUN (or its ONBUILD) in df.instructions. */
  index: number;
  /** Index of the command in the RUN's script. */
  cmdIndex: number;
  ins: Instruction;
  cmd: ShellCommand;
  eff: Effective;
  tool: Tool;
  family: Family;
  /** The subcommand as written (`install`, `in`, `add`; `group install` for yum groups), or null. */
  verb: string | null;
  verbWord: ShellWord | undefined;
  action: Action;
  options: PkgOption[];
  operands: PkgOperand[];
}

interface ArgSpec {
  /** Short option letters that take a value. */
  short: string;
  /** Long option names (without dashes) that take a value. */
  long: ReadonlySet<string>;
}

const spec = (short: string, long: string): ArgSpec => ({ short, long: new Set(long.split(' ')) });

const APT = spec(
  'octaP',
  'option config-file target-release default-release host-architecture build-profiles',
);
const APK = spec('Xptc', 'repository root virtual arch cache-dir keys-dir repositories-file wait timeout');
const RPM = spec(
  'cdeRx',
  'config installroot releasever enablerepo disablerepo setopt exclude repo repoid downloaddir destdir forcearch color rpmverbosity debuglevel errorlevel advisory advisories bz cve sec-severity secseverity comment repofrompath',
);
const ZYPPER_GLOBAL = spec(
  'cRDC',
  'config root reposd-dir cache-dir raw-cache-dir solv-cache-dir pkg-cache-dir userdata releasever installroot',
);
const ZYPPER_CMD = spec('tr', 'type repo from download');
const PIP = spec(
  'rceiftC',
  'requirement constraint editable index-url extra-index-url find-links target prefix root platform python-version implementation abi no-binary only-binary progress-bar src upgrade-strategy trusted-host proxy timeout retries cache-dir log cert client-cert exists-action global-option config-settings report python root-user-action use-feature use-deprecated keyring-provider group',
);
const NODE = spec(
  'wCF',
  'prefix registry cache userconfig globalconfig workspace omit include loglevel tag before install-strategy save-prefix cwd modules-folder cache-folder network-timeout mutex global-folder dir filter store-dir node-linker',
);
const GEM = spec(
  'vinspgPb',
  'version install-dir bindir source http-proxy platform file trust-policy build-root',
);
/** go's flags are single-dash long names; these take a value (as `-x v` or `-x=v`). */
const GO_VALUED = new Set(
  '-o -C -p -tags -ldflags -gcflags -asmflags -mod -modfile -overlay -pgo -buildmode -compiler -gccgoflags -installsuffix -pkgdir -toolexec -exec -covermode -coverpkg'.split(
    ' ',
  ),
);

const TOOLS: Record<string, [Tool, Family]> = {
  'apt-get': ['apt-get', 'apt'],
  apt: ['apt', 'apt'],
  aptitude: ['aptitude', 'apt'],
  apk: ['apk', 'apk'],
  yum: ['yum', 'rpm'],
  dnf: ['dnf', 'rpm'],
  dnf5: ['dnf', 'rpm'],
  microdnf: ['microdnf', 'rpm'],
  tdnf: ['tdnf', 'rpm'],
  zypper: ['zypper', 'zypper'],
  npm: ['npm', 'node'],
  yarn: ['yarn', 'node'],
  pnpm: ['pnpm', 'node'],
  gem: ['gem', 'gem'],
  go: ['go', 'go'],
};

const PIP_NAME = /^pip\d*(?:\.\d+)?$/;
const PYTHON_NAME = /^python\d*(?:\.\d+)?$/;

const ACTIONS: Record<Family, Record<string, Action>> = {
  apt: {
    install: 'install',
    reinstall: 'install',
    'build-dep': 'install',
    update: 'refresh',
    upgrade: 'upgrade',
    'dist-upgrade': 'upgrade',
    'full-upgrade': 'upgrade',
    'safe-upgrade': 'upgrade',
    remove: 'remove',
    purge: 'remove',
    autoremove: 'autoremove',
    'auto-remove': 'autoremove',
    autopurge: 'autoremove',
    clean: 'clean',
    autoclean: 'clean',
  },
  apk: { add: 'install', update: 'refresh', upgrade: 'upgrade', del: 'remove', cache: 'other' },
  rpm: {
    install: 'install',
    in: 'install',
    localinstall: 'install',
    reinstall: 'install',
    groupinstall: 'install',
    'group install': 'install',
    'groups install': 'install',
    'module install': 'install',
    makecache: 'refresh',
    'check-update': 'refresh',
    update: 'upgrade',
    upgrade: 'upgrade',
    up: 'upgrade',
    'distro-sync': 'upgrade',
    'update-minimal': 'upgrade',
    'upgrade-minimal': 'upgrade',
    remove: 'remove',
    erase: 'remove',
    rm: 'remove',
    groupremove: 'remove',
    'group remove': 'remove',
    autoremove: 'autoremove',
    clean: 'clean',
  },
  zypper: {
    install: 'install',
    in: 'install',
    'source-install': 'install',
    si: 'install',
    refresh: 'refresh',
    ref: 'refresh',
    update: 'upgrade',
    up: 'upgrade',
    'dist-upgrade': 'upgrade',
    dup: 'upgrade',
    patch: 'upgrade',
    remove: 'remove',
    rm: 'remove',
    clean: 'clean',
    cc: 'clean',
  },
  pip: { install: 'install', uninstall: 'remove', download: 'other', wheel: 'other' },
  node: {
    install: 'install',
    i: 'install',
    in: 'install',
    ins: 'install',
    inst: 'install',
    insta: 'install',
    instal: 'install',
    isnt: 'install',
    isnta: 'install',
    isntal: 'install',
    isntall: 'install',
    add: 'install',
    ci: 'install',
    'clean-install': 'install',
    ic: 'install',
    'install-clean': 'install',
    'global add': 'install',
    update: 'upgrade',
    up: 'upgrade',
    upgrade: 'upgrade',
    uninstall: 'remove',
    remove: 'remove',
    rm: 'remove',
    un: 'remove',
    'global remove': 'remove',
  },
  gem: { install: 'install', i: 'install', update: 'upgrade', uninstall: 'remove', cleanup: 'clean' },
  go: { install: 'install', get: 'install' },
};

/** Subcommands that take a second word (`yum group install`, `dnf module install`; also `yarn global add`). */
const RPM_TWO_WORD = new Set(['group', 'groups', 'module']);

interface Parsed {
  options: PkgOption[];
  positionals: ShellWord[];
}

/** Splits args into options and positionals the way getopt-style tools do. */
function parseArgs(args: readonly ShellWord[], global: ArgSpec, command: ArgSpec, bundles: boolean): Parsed {
  const options: PkgOption[] = [];
  const positionals: ShellWord[] = [];
  let sp = global;
  let isGlobal = true;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as ShellWord;
    const v = word.value;
    if (v === '--') {
      for (let j = i + 1; j < args.length; j++) positionals.push(args[j] as ShellWord);
      break;
    }
    if (v.startsWith('--') && v.length > 2) {
      const eq = v.indexOf('=');
      const name = eq < 0 ? v.slice(2) : v.slice(2, eq);
      let value: string | null = eq < 0 ? null : v.slice(eq + 1);
      if (value === null && sp.long.has(name) && i + 1 < args.length) value = (args[++i] as ShellWord).value;
      options.push({ name: `--${name}`, value, word, global: isGlobal });
    } else if (v.startsWith('-') && v.length > 1 && !word.dynamic) {
      if (!bundles) {
        const eq = v.indexOf('=');
        const name = eq < 0 ? v : v.slice(0, eq);
        let value: string | null = eq < 0 ? null : v.slice(eq + 1);
        if (value === null && GO_VALUED.has(name) && i + 1 < args.length)
          value = (args[++i] as ShellWord).value;
        options.push({ name, value, word, global: isGlobal });
        continue;
      }
      for (let k = 1; k < v.length; k++) {
        const letter = v[k] as string;
        const rest = v.slice(k + 1);
        if (sp.short.includes(letter)) {
          // `-oX`, `-o=X` (apt accepts both) or `-o X`.
          let value: string | null = rest.startsWith('=') ? rest.slice(1) : rest;
          if (value === '') value = i + 1 < args.length ? (args[++i] as ShellWord).value : null;
          options.push({ name: `-${letter}`, value, word, global: isGlobal });
          break;
        }
        if (rest.startsWith('=')) {
          // `-q=2`: a level given to a flag.
          options.push({ name: `-${letter}`, value: rest.slice(1), word, global: isGlobal });
          break;
        }
        options.push({ name: `-${letter}`, value: null, word, global: isGlobal });
      }
    } else {
      positionals.push(word);
      if (isGlobal) {
        isGlobal = false;
        sp = command;
      }
    }
  }
  return { options, positionals };
}

const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git\+|git@|file:|github:|gitlab:|bitbucket:|gist:)/i;
const ARCHIVE = /\.(?:deb|rpm|apk|whl|tar\.gz|tgz|tar\.bz2|tar\.xz|zip|gem)$/i;
const PATH_LIKE = /^(?:\.{1,2}(?:\/|$)|\/|~)/;

function nonName(word: ShellWord): PkgOperand | null {
  const v = word.value;
  if (word.dynamic) return { word, kind: 'dynamic', name: v, op: null, version: null };
  if (URL_LIKE.test(v)) return { word, kind: 'url', name: v, op: null, version: null };
  if (PATH_LIKE.test(v) || ARCHIVE.test(v)) return { word, kind: 'file', name: v, op: null, version: null };
  return null;
}

const named = (word: ShellWord, name: string, op: string | null, version: string | null): PkgOperand => ({
  word,
  kind: 'name',
  name,
  op,
  version: version === '' ? null : version,
});

/** apt: `pkg=1.2-1`, `pkg:amd64=1.2*`, `pkg/bookworm-backports` (a release, not a version). */
function aptOperand(word: ShellWord): PkgOperand {
  const v = word.value;
  const eq = v.indexOf('=');
  if (eq > 0) return named(word, v.slice(0, eq).toLowerCase(), '=', v.slice(eq + 1));
  const slash = v.indexOf('/');
  if (slash > 0) return named(word, v.slice(0, slash).toLowerCase(), '/', v.slice(slash + 1));
  return named(word, v.toLowerCase(), null, null);
}

/** apk and zypper: `name[@tag][op version]` with op one of = ~ < > <= >= ><. */
const CONSTRAINT = /^([^=<>~@]+)(?:@[^=<>~]*)?(?:(=|~=?|<=?|>=?|><)(.*))?$/;
function constraintOperand(word: ShellWord): PkgOperand {
  const m = CONSTRAINT.exec(word.value);
  if (!m) return named(word, word.value.toLowerCase(), null, null);
  return named(word, (m[1] as string).toLowerCase(), m[2] ?? null, m[3] ?? null);
}

/** rpm: `name-version[-release][.arch]`; a version must look like one (`java-11-openjdk` is a name). */
const RPM_NEVRA = /^(.+?)-((?:\d+:)?\d[^-]*)(?:-([^-]+))?$/;
function rpmOperand(word: ShellWord): PkgOperand {
  const v = word.value;
  if (v.startsWith('@')) return { word, kind: 'group', name: v, op: null, version: null };
  const m = RPM_NEVRA.exec(v);
  if (m) {
    const version = m[2] as string;
    const release = m[3];
    if (/[.:*]/.test(version) || (release !== undefined && /\d/.test(release)))
      return named(word, (m[1] as string).toLowerCase(), '-', release ? `${version}-${release}` : version);
  }
  return named(word, v.toLowerCase(), null, null);
}

/** pip: PEP 508 `name[extras]<spec>[; marker]`. */
const PEP508 = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)/;
function pipOperand(word: ShellWord): PkgOperand {
  const m = PEP508.exec(word.value);
  if (!m) return { word, kind: 'file', name: word.value, op: null, version: null };
  const specText = (m[2] as string).trim();
  const op = /^(===|==|~=|!=|<=|>=|<|>|@)/.exec(specText)?.[1] ?? null;
  return named(word, (m[1] as string).toLowerCase().replace(/[._]/g, '-'), op, op ? specText : null);
}

/** npm: `@scope/name@range`, `name@tag`; `user/repo` is a GitHub shorthand, not a registry name. */
function nodeOperand(word: ShellWord): PkgOperand {
  const v = word.value;
  const at = v.indexOf('@', 1);
  const name = at < 0 ? v : v.slice(0, at);
  if (!name.startsWith('@') && name.includes('/'))
    return { word, kind: 'url', name: v, op: null, version: null };
  return named(word, name, at < 0 ? null : '@', at < 0 ? null : v.slice(at + 1));
}

function gemOperand(word: ShellWord): PkgOperand {
  const v = word.value;
  const colon = v.indexOf(':');
  return colon > 0 ? named(word, v.slice(0, colon), ':', v.slice(colon + 1)) : named(word, v, null, null);
}

function goOperand(word: ShellWord): PkgOperand {
  const v = word.value;
  const at = v.lastIndexOf('@');
  const path = at < 0 ? v : v.slice(0, at);
  // A path without a dot in its first element is the standard library or a local package.
  if (!(path.split('/')[0] as string).includes('.'))
    return { word, kind: 'file', name: v, op: null, version: null };
  return named(word, path, at < 0 ? null : '@', at < 0 ? null : v.slice(at + 1));
}

const OPERAND: Record<Family, (w: ShellWord) => PkgOperand> = {
  apt: aptOperand,
  apk: constraintOperand,
  rpm: rpmOperand,
  zypper: constraintOperand,
  pip: pipOperand,
  node: nodeOperand,
  gem: gemOperand,
  go: goOperand,
};

/** The tool behind a command: `/usr/bin/apt-get`, `pip3.12`, `python3 -m pip`, `sudo -E apt-get`. */
function toolOf(eff: Effective): { tool: Tool; family: Family; args: ShellWord[] } | null {
  const name = eff.name;
  if (name === null) return null;
  const known = TOOLS[name];
  if (known) return { tool: known[0], family: known[1], args: eff.args };
  if (PIP_NAME.test(name)) return { tool: 'pip', family: 'pip', args: eff.args };
  if (PYTHON_NAME.test(name)) {
    // python's own flags before -m take no value (-u, -I, -E, -s, -B, -O).
    for (let i = 0; i < eff.args.length; i++) {
      const v = (eff.args[i] as ShellWord).value;
      if (v === '-m' || v === '-mpip') {
        const mod = v === '-mpip' ? 'pip' : eff.args[i + 1]?.value;
        if (mod !== 'pip') return null;
        return { tool: 'pip', family: 'pip', args: eff.args.slice(i + (v === '-m' ? 2 : 1)) };
      }
      if (!v.startsWith('-')) return null;
    }
  }
  return null;
}

const SPECS: Record<Family, [ArgSpec, ArgSpec]> = {
  apt: [APT, APT],
  apk: [APK, APK],
  rpm: [RPM, RPM],
  zypper: [ZYPPER_GLOBAL, ZYPPER_CMD],
  pip: [PIP, PIP],
  node: [NODE, NODE],
  gem: [GEM, GEM],
  go: [spec('', ''), spec('', '')],
};

/** Reads one shell command as a package-manager command, or null when it is not one. */
export function packageCommand(
  cmd: ShellCommand,
  ins: Instruction,
  index = -1,
  cmdIndex = -1,
  eff: Effective = effective(cmd),
): PkgCommand | null {
  const t = toolOf(eff);
  if (!t) return null;
  const [g, c] = SPECS[t.family];
  const { options, positionals } = parseArgs(t.args, g, c, t.family !== 'go');
  let verbWord = positionals[0];
  let verb = verbWord && !verbWord.dynamic ? verbWord.value : null;
  let rest = positionals.slice(1);
  if (
    verb !== null &&
    rest[0] &&
    (t.family === 'rpm' ? RPM_TWO_WORD.has(verb) : verb === 'global' && t.tool === 'yarn')
  ) {
    verb = `${verb} ${rest[0].value}`;
    verbWord = rest[0];
    rest = rest.slice(1);
  }
  let action: Action = verb === null ? 'other' : (ACTIONS[t.family][verb] ?? 'other');
  // Bare `yarn` installs from the lockfile; `apk --update-cache add` and `zypper` defaults need nothing more.
  if (verb === null && t.tool === 'yarn') action = 'install';
  const parse = OPERAND[t.family];
  const operands: PkgOperand[] = [];
  for (const w of rest) operands.push(nonName(w) ?? parse(w));
  return {
    index,
    cmdIndex,
    ins,
    cmd,
    eff,
    tool: t.tool,
    family: t.family,
    verb,
    verbWord,
    action,
    options,
    operands,
  };
}

const cache = new WeakMap<DockerfileFacts, PkgCommand[]>();

/** Every package-manager command of every RUN (ONBUILD RUN included), in file order; computed once per file. */
export function packageCommands(df: DockerfileFacts): readonly PkgCommand[] {
  const hit = cache.get(df);
  if (hit) return hit;
  const out: PkgCommand[] = [];
  for (let index = 0; index < df.instructions.length; index++) {
    const outer = df.instructions[index] as Instruction;
    const target = outer.keyword === 'ONBUILD' ? outer.onbuild : outer;
    if (target?.keyword !== 'RUN' || !target.shell) continue;
    const ins = target === outer ? outer : { ...target, stage: outer.stage };
    const cmds = target.shell.commands;
    for (let k = 0; k < cmds.length; k++) {
      const pc = packageCommand(cmds[k] as ShellCommand, ins, index, k);
      if (pc) out.push(pc);
    }
  }
  cache.set(df, out);
  return out;
}

/** Whether an option is present by any of its names (`-y`, `--yes`…), values ignored. */
export const hasOpt = (pc: PkgCommand, ...names: string[]): boolean =>
  pc.options.some((o) => names.includes(o.name));

/** Values of an option given by any of its names. */
export const optValues = (pc: PkgCommand, ...names: string[]): string[] => {
  const out: string[] = [];
  for (const o of pc.options) if (o.value !== null && names.includes(o.name)) out.push(o.value);
  return out;
};

/** The names of the named packages of a command, as words. */
export const names = (pc: PkgCommand): PkgOperand[] => pc.operands.filter((o) => o.kind === 'name');

const MAX_SHOWN = 100;
/** The command as words (wrappers included), for evidence messages. */
export function show(cmd: ShellCommand): string {
  let s = '';
  for (const w of cmd.argv) {
    s += s === '' ? w.value : ` ${w.value}`;
    if (s.length > MAX_SHOWN) return `${s.slice(0, MAX_SHOWN)}…`;
  }
  return s;
}

export const isProgram = (cmd: ShellCommand, name: string): boolean => {
  const n = effective(cmd).name;
  return n !== null && baseName(n) === name;
};
