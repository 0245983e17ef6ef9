// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} is shell syntax here
import { describe, expect, it } from 'vitest';
import type { ShellScript } from '../../facts/dockerfile.js';
import { parseScript } from './shell.js';

const vars = new Map([
  ['PKGS', 'curl  wget'],
  ['EMPTY', ''],
  ['DIR', '/opt/my app'],
  ['V', '1'],
]);
const parse = (text: string): ShellScript => parseScript(text, { vars });
/** argv values of every command, dynamic words starred. */
const argvs = (text: string): string[][] =>
  parse(text).commands.map((c) => c.argv.map((a) => a.value + (a.dynamic ? '*' : '')));

describe('words', () => {
  it.each([
    ['unquoted known var is field-split', 'apt-get install $PKGS', [['apt-get', 'install', 'curl', 'wget']]],
    ['quoted known var stays one word', 'echo "$PKGS"', [['echo', 'curl  wget']]],
    ['${VAR} unquoted splits', 'cd ${DIR}', [['cd', '/opt/my', 'app']]],
    ['unquoted empty var is no word', 'echo $EMPTY x', [['echo', 'x']]],
    ['quoted empty var is an empty word', 'echo "$EMPTY" x', [['echo', '', 'x']]],
    ['"" is an empty word', 'echo "" x', [['echo', '', 'x']]],
    ['prefix joins the first field', 'echo x$PKGS', [['echo', 'xcurl', 'wget']]],
    ['single quotes are literal', "echo '$V'", [['echo', '$V']]],
    ['unknown var is dynamic', 'rm -rf $HOME/x', [['rm', '-rf', '$HOME/x*']]],
    [
      '$(…) is dynamic',
      'echo $(id -u)',
      [
        ['echo', '$(id -u)*'],
        ['id', '-u'],
      ],
    ],
    ['backticks are dynamic', 'echo `id`', [['echo', '`id`*'], ['id']]],
    ['arithmetic is dynamic', 'echo $((1+2))', [['echo', '$((1+2))*']]],
    ['${V:-d} with V known', 'echo ${V:-d}', [['echo', '1']]],
    ['${X:-d} with X unknown', 'echo ${X:-d}', [['echo', 'd']]],
    ['${EMPTY:-d}', 'echo ${EMPTY:-d}', [['echo', 'd']]],
    ['${EMPTY-d}', 'echo "${EMPTY-d}"', [['echo', '']]],
    ['${V:+alt}', 'echo ${V:+alt}', [['echo', 'alt']]],
    ['${X:+alt} unknown', 'echo ${X:+alt} y', [['echo', 'y']]],
    ['${X:?msg} unknown is dynamic', 'echo ${X:?msg}', [['echo', '${X:?msg}*']]],
    ['${V#pat} is dynamic', 'echo ${V#x}', [['echo', '${V#x}*']]],
    ['${#V} is dynamic', 'echo ${#V}', [['echo', '${#V}*']]],
    ['default from a var', 'echo ${X:-$V}', [['echo', '1']]],
    ['escaped blank', 'echo a\\ b', [['echo', 'a b']]],
  ])('%s', (_name, text, expected) => {
    expect(argvs(text)).toEqual(expected);
  });

  it('keeps the raw text and position of each word', () => {
    const [cmd] = parse('echo   "$V"').commands;
    expect(cmd?.argv[1]).toEqual({ raw: '"$V"', value: '1', dynamic: false, line: 1, column: 8 });
  });
});

describe('commands and pipelines', () => {
  it('indexes pipelines and their members', () => {
    const s = parse('curl -fsSL https://x | bash -s -- -y && set -o pipefail; a | b | c');
    expect(s.commands.map((c) => `${c.name}:${c.pipeline}.${c.pipeIndex}`)).toEqual([
      'curl:0.0',
      'bash:0.1',
      'set:-1.0',
      'a:1.0',
      'b:1.1',
      'c:1.2',
    ]);
    expect(s.pipelines.map((p) => p.commands)).toEqual([
      [0, 1],
      [3, 4, 5],
    ]);
    expect(s.commands[2]?.argv.map((a) => a.value)).toEqual(['set', '-o', 'pipefail']);
  });

  it('reaches commands in lists, loops, conditions, functions, subshells and groups', () => {
    const text =
      'if [ -f x ]; then echo y; fi; for i in 1 2; do curl $i | tar x; done; f() { rm -rf /; }; (cd /x && make); { id; }';
    expect(parse(text).commands.map((c) => c.name)).toEqual([
      '[',
      'echo',
      'curl',
      'tar',
      'rm',
      'cd',
      'make',
      'id',
    ]);
  });

  it('puts a subshell in a pipeline into that pipeline', () => {
    const s = parse('curl x | (cd / && sh)');
    expect(s.commands.map((c) => `${c.name}:${c.pipeline}.${c.pipeIndex}`)).toEqual([
      'curl:0.0',
      'cd:0.1',
      'sh:0.1',
    ]);
  });

  it('reads assignments and redirects', () => {
    const [cmd] = parse('FOO=bar BAZ="$DIR" make 2>/dev/null >>out <in &>all <<<"$V"').commands;
    expect(cmd?.assigns.map((a) => `${a.name}=${a.value}`)).toEqual(['FOO=bar', 'BAZ=/opt/my app']);
    expect(cmd?.redirects).toEqual([
      { op: '>', target: '/dev/null', fd: 2 },
      { op: '>>', target: 'out', fd: null },
      { op: '<', target: 'in', fd: null },
      { op: '&>', target: 'all', fd: null },
      { op: '<<<', target: '1', fd: null },
    ]);
  });

  it('ignores comments', () => {
    expect(argvs('echo a # rm -rf /\necho b')).toEqual([
      ['echo', 'a'],
      ['echo', 'b'],
    ]);
  });

  it('keeps a command text for evidence', () => {
    expect(parse('apt-get update &&  apt-get install -y x').commands.map((c) => c.text)).toEqual([
      'apt-get update',
      'apt-get install -y x',
    ]);
  });
});

describe('nested scripts', () => {
  it.each([
    ['sh -c', "sh -c 'rm -rf /x'", ['sh', 'rm'], [null, 'sh -c']],
    ['bash -ec', 'bash -ec "apt-get update"', ['bash', 'apt-get'], [null, 'bash -c']],
    ['bash -o pipefail -c', "bash -o pipefail -c 'a | b'", ['bash', 'a', 'b'], [null, 'bash -c', 'bash -c']],
    ['/bin/sh -c', "/bin/sh -c 'id'", ['/bin/sh', 'id'], [null, 'sh -c']],
    ['sudo sh -c', "sudo -u root sh -c 'id'", ['sudo', 'id'], [null, 'sh -c']],
    ['env X=1 bash -c', "env X=1 bash -c 'id'", ['env', 'id'], [null, 'bash -c']],
    ['python -c is no shell', "python3 -c 'import os'", ['python3'], [null]],
    ['sh script.sh -c is no script', 'sh ./x.sh -c y', ['sh'], [null]],
    [
      'a quoted dynamic script is parsed: its command is unknown',
      'sh -c "$CMD"',
      ['sh', null],
      [null, 'sh -c'],
    ],
    ['$(…) inside sh -c', "sh -c 'echo $(id)'", ['sh', 'echo', 'id'], [null, 'sh -c', '$(…)']],
    ['heredoc to bash', 'bash <<EOF\nrm -rf /x\nEOF', ['bash', 'rm'], [null, 'heredoc']],
    ['heredoc to cat is data', 'cat <<EOF > /f\nrm -rf /x\nEOF', ['cat'], [null]],
  ])('%s', (_name, text, names, via) => {
    const s = parse(text);
    expect(s.commands.map((c) => c.name)).toEqual(names);
    expect(s.commands.map((c) => c.via)).toEqual(via);
  });

  it('nests sh -c inside sh -c with positions inside the quotes', () => {
    const s = parse(`sh -c 'sh -c "rm -rf /"'`);
    expect(s.commands.map((c) => `${c.column} ${c.argv.map((a) => a.value).join(' ')}`)).toEqual([
      '1 sh -c sh -c "rm -rf /"',
      '8 sh -c rm -rf /',
      '15 rm -rf /',
    ]);
  });

  it('keeps pipeline indexes of nested scripts apart from the outer ones', () => {
    const s = parse(`a | b; sh -c 'c | d'`);
    expect(s.pipelines.map((p) => p.commands.map((i) => s.commands[i]?.name))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('stops following sh -c after a bounded depth', () => {
    let text = 'echo deep';
    for (let i = 0; i < 20; i++) text = `sh -c ${JSON.stringify(text)}`;
    const s = parse(text);
    expect(s.commands.length).toBeGreaterThan(3);
    expect(s.commands.length).toBeLessThan(10);
  });
});

describe('errors and pathological input', () => {
  it.each([
    ['unterminated double quote', 'echo "abc', /unterminated double quote/],
    ['unterminated single quote', "echo 'abc", /unterminated single quote/],
    ['unclosed $(', 'echo $(id', /./],
    ['error inside sh -c', `sh -c 'echo "x'`, /^sh -c: /],
  ])('%s is collected, not thrown', (_name, text, message) => {
    const s = parse(text);
    expect(s.errors.length).toBeGreaterThan(0);
    expect(s.errors.join('\n')).toMatch(message);
  });

  it.each([
    ['deep $(', `echo ${'$('.repeat(2000)}x${')'.repeat(2000)}`],
    ['unclosed $((', `echo ${'$(('.repeat(3000)}`],
    ['deep subshells', `${'('.repeat(5000)}x${')'.repeat(5000)}`],
    ['unclosed ${', `echo ${'${'.repeat(5000)}`],
    ['quote soup', `echo ${'"\'`'.repeat(5000)}`],
    ['10,000 commands', Array.from({ length: 10_000 }, (_, i) => `echo ${i}`).join(' && ')],
  ])('%s: no crash', (_name, text) => {
    const s = parse(text);
    expect(Array.isArray(s.commands)).toBe(true);
    if (_name === '10,000 commands') expect(s.commands).toHaveLength(10_000);
  });
});
