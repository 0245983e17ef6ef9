// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} is Dockerfile syntax here
// Parser tests against Docker's documented behaviour (Dockerfile reference: parser directives, escape,
// continuations, heredocs, ARG/ENV scoping; BuildKit's parser for the corners the docs leave out).
import { describe, expect, it } from 'vitest';
import type { DockerfileFacts, Instruction } from '../../facts/dockerfile.js';
import { DockerfileError, expandVars, parseDockerfile } from './dockerfile.js';

const parse = (src: string, buildArgs?: Record<string, string>): DockerfileFacts =>
  parseDockerfile('Dockerfile', src, buildArgs ? { buildArgs } : {});
const ins = (df: DockerfileFacts, keyword: string, nth = 0): Instruction => {
  const found = df.instructions.filter((i) => i.keyword === keyword)[nth];
  if (!found) throw new Error(`no ${keyword} #${nth}`);
  return found;
};
/** Commands as `line:col argv…` (values joined by spaces, dynamic words starred). */
const cmds = (i: Instruction): string[] =>
  (i.shell?.commands ?? []).map(
    (c) => `${c.line}:${c.column} ${c.argv.map((a) => a.value + (a.dynamic ? '*' : '')).join(' ')}`,
  );
const errorOf = (src: string): DockerfileError => {
  try {
    parse(src);
  } catch (err) {
    if (err instanceof DockerfileError) return err;
    throw err;
  }
  throw new Error('no DockerfileError');
};

describe('parser directives and the escape character', () => {
  it.each([
    ['backtick', '# escape=`\nFROM a\nRUN echo a `\n  b\n', '`', 'echo a   b'],
    ['upper-case name, spaces around =', '# ESCAPE = `\nFROM a\nRUN echo a `\n  b\n', '`', 'echo a   b'],
    ['no space after #', '#escape=`\nFROM a\nRUN echo a `\n  b\n', '`', 'echo a   b'],
    ['syntax then escape', '# syntax=docker/dockerfile:1\n# escape=`\nFROM a\nRUN x `\n y\n', '`', 'x  y'],
    ['after a blank line: a comment', '\n# escape=`\nFROM a\nRUN echo a\\\n b\n', '\\', 'echo a b'],
    ['after a comment: a comment', '# hello\n# escape=`\nFROM a\nRUN echo a\\\n b\n', '\\', 'echo a b'],
    ['after an unknown directive', '# foo=bar\n# escape=`\nFROM a\nRUN echo a\\\n b\n', '\\', 'echo a b'],
    ['after an instruction', 'FROM a\n# escape=`\nRUN echo a\\\n b\n', '\\', 'echo a b'],
  ])('%s', (_name, src, escapeChar, runArgs) => {
    const df = parse(src);
    expect(df.escape).toBe(escapeChar);
    expect(ins(df, 'RUN').args).toBe(runArgs);
  });

  it('records directives with lower-case names', () => {
    const df = parse('# Syntax=docker/dockerfile:1.7\n# check=skip=JSONArgsRecommended\nFROM a\n');
    expect(df.directives).toEqual({ syntax: 'docker/dockerfile:1.7', check: 'skip=JSONArgsRecommended' });
  });

  it.each([
    ['duplicate directive', '# escape=`\n# Escape=\\\nFROM a\n', /only one escape/],
    ['invalid escape', '# escape=x\nFROM a\n', /invalid escape directive/],
  ])('%s is a problem, the first value stands', (_name, src, problem) => {
    const df = parse(src);
    expect(df.problems.join('\n')).toMatch(problem);
    expect(df.escape).toBe(src.startsWith('# escape=`') ? '`' : '\\');
  });

  it('keeps Windows paths with a backtick escape', () => {
    const df = parse(
      '# escape=`\nFROM mcr.microsoft.com/windows/servercore\nCOPY app.exe C:\\app\\\nWORKDIR C:\\app\n',
    );
    expect(ins(df, 'COPY').words).toEqual(['app.exe', 'C:\\app\\']);
    expect(ins(df, 'WORKDIR').words).toEqual(['C:\\app']);
  });

  it('treats a trailing \\ after c:\\ as a continuation, as Docker does (its documented pitfall)', () => {
    const df = parse('FROM microsoft/nanoserver\nCOPY testfile.txt c:\\\\\nRUN dir c:\\\n');
    expect(df.instructions.map((i) => i.keyword)).toEqual(['FROM', 'COPY']);
    expect(ins(df, 'COPY').args).toBe('testfile.txt c:\\RUN dir c:');
    expect(ins(df, 'COPY').endLine).toBe(3);
  });
});

describe('line continuations', () => {
  it.each([
    ['plain', 'FROM a\nRUN a \\\n  && b\n', 'a   && b', 3],
    ['blanks after the escape', 'FROM a\nRUN a \\  \t\n  && b\n', 'a   && b', 3],
    ['comment lines inside', 'FROM a\nRUN a \\\n# note\n   # indented note\n  && b\n', 'a   && b', 5],
    ['blank lines inside', 'FROM a\nRUN a \\\n\n   \n  && b\n', 'a   && b', 5],
    ['CRLF', 'FROM a\r\nRUN a \\\r\n  && b\r\n', 'a   && b', 3],
    ['continuation at EOF', 'FROM a\nRUN a \\\n  b \\', 'a   b ', 3],
    ['continuation then only comments to EOF', 'FROM a\nRUN a \\\n# c\n', 'a ', 2],
    ['# inside an argument is no comment', 'FROM a\nRUN echo a#b \\\n  c\n', 'echo a#b   c', 3],
  ])('%s', (_name, src, args, endLine) => {
    const run = ins(parse(src), 'RUN');
    expect(run.args).toBe(args.trim());
    expect(run.endLine).toBe(endLine);
  });

  it('points commands inside a continuation at their file position', () => {
    const src = 'FROM a\nRUN apt-get update \\\n    # refresh\n    && apt-get install -y \\\n\tcurl\n';
    const run = ins(parse(src), 'RUN');
    expect(cmds(run)).toEqual(['2:5 apt-get update', '4:8 apt-get install -y curl']);
    const curl = run.shell?.commands[1]?.argv[3];
    expect(curl && `${curl.line}:${curl.column}`).toBe('5:2');
  });

  it('leaves lines after a continuation into a comment-only tail alone', () => {
    const df = parse('FROM a\nRUN a \\\n\n# x\nUSER b\n');
    expect(df.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN']);
    expect(ins(df, 'RUN').args).toBe('a USER b');
  });
});

describe('heredocs', () => {
  it('RUN <<EOF: the body is a shell script, with positions in the file', () => {
    const run = ins(parse('FROM a\nRUN <<EOF\nset -eux\n  apk add curl\nEOF\nUSER app\n'), 'RUN');
    expect(run.heredocs).toEqual([
      { name: 'EOF', content: 'set -eux\n  apk add curl', line: 3, terminated: true },
    ]);
    expect(run.endLine).toBe(5);
    expect(cmds(run).slice(1)).toEqual(['3:1 set -eux', '4:3 apk add curl']);
    expect(run.shell?.commands.slice(1).every((c) => c.via === 'heredoc')).toBe(true);
  });

  it('<<-EOF strips leading tabs from the body and the delimiter line', () => {
    const run = ins(parse('FROM a\nRUN <<-EOF\n\techo a\n\t\techo b\n\tEOF\n'), 'RUN');
    expect(run.heredocs[0]?.content).toBe('echo a\necho b');
    expect(cmds(run).slice(1)).toEqual(['3:2 echo a', '4:3 echo b']);
  });

  it.each([
    ["<<'EOF'", "FROM a\nCOPY <<'EOF' /x\n$HOME\nEOF\n"],
    ['<<"EOF"', 'FROM a\nCOPY <<"EOF" /x\n$HOME\nEOF\n'],
  ])('quoted %s: the delimiter is the bare name', (_name, src) => {
    const copy = ins(parse(src), 'COPY');
    expect(copy.heredocs).toEqual([{ name: 'EOF', content: '$HOME', line: 3, terminated: true }]);
    expect(copy.words).toEqual(['<<EOF', '/x']);
    expect(copy.shell).toBeUndefined();
  });

  it('reads several heredocs on one RUN in order', () => {
    const src =
      'FROM a\nRUN <<FILE1 cat > /f1 && <<FILE2 sh\nI am first\nFILE1\necho second\nFILE2\nUSER x\n';
    const df = parse(src);
    const run = ins(df, 'RUN');
    expect(run.heredocs.map((h) => [h.name, h.content, h.line])).toEqual([
      ['FILE1', 'I am first', 3],
      ['FILE2', 'echo second', 5],
    ]);
    // A command starts at its first redirection: `<<FILE1 cat > /f1` is one command.
    expect(cmds(run)).toEqual(['2:5 cat', '2:26 sh', '5:1 echo second']);
    expect(ins(df, 'USER').line).toBe(7);
  });

  it('COPY <<EOF /dst keeps the body as data', () => {
    const copy = ins(parse('FROM a\nCOPY <<EOF /etc/app.conf\nrm -rf /\nEOF\n'), 'COPY');
    expect(copy.heredocs[0]?.content).toBe('rm -rf /');
    expect(copy.shell).toBeUndefined();
  });

  it.each([
    ['python3 <<EOF', 'FROM a\nRUN python3 <<EOF\nimport os; os.system("x")\nEOF\n', ['2:5 python3']],
    ['cat <<EOF > file', 'FROM a\nRUN cat <<EOF > /f\nrm -rf /\nEOF\n', ['2:5 cat']],
    ['a shebang for python', 'FROM a\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n', ['2:5 ']],
    ['<<EOF bash', 'FROM a\nRUN <<EOF bash\nrm -rf /x\nEOF\n', ['2:5 bash', '3:1 rm -rf /x']],
    ['bash <<EOF', 'FROM a\nRUN bash <<EOF\nrm -rf /x\nEOF\n', ['2:5 bash', '3:1 rm -rf /x']],
    ['sh shebang', 'FROM a\nRUN <<EOF\n#!/bin/sh\nrm -rf /x\nEOF\n', ['2:5 ', '4:1 rm -rf /x']],
  ])('%s', (_name, src, expected) => {
    expect(cmds(ins(parse(src), 'RUN'))).toEqual(expected);
  });

  it.each([
    ['unterminated', 'FROM a\nRUN <<EOF\necho hi\n', /unterminated heredoc <<EOF/, 2],
    ['delimiter with trailing blank', 'FROM a\nRUN <<EOF\necho hi\nEOF \n', /unterminated heredoc/, 2],
    ['<<-EOF delimiter indented with spaces', 'FROM a\nRUN <<-EOF\n  EOF\n', /unterminated heredoc/, 2],
  ])('%s heredoc is a DockerfileError', (_name, src, message, line) => {
    const err = errorOf(src);
    expect(err.message).toMatch(message);
    expect(err.line).toBe(line);
  });

  it.each([
    ['quoted <<EOF', "FROM a\nRUN echo '<<EOF'\nUSER x\n"],
    ['<< EOF (a space: no heredoc for Docker)', 'FROM a\nRUN cat << EOF\nUSER x\n'],
    ['here-string', 'FROM a\nRUN cat <<< "s"\nUSER x\n'],
    ['on ENV', 'FROM a\nENV X=<<EOF\nUSER x\n'],
  ])('%s is no heredoc', (_name, src) => {
    const df = parse(src);
    expect(df.instructions.map((i) => i.keyword)).toEqual([
      'FROM',
      src.includes('ENV') ? 'ENV' : 'RUN',
      'USER',
    ]);
    expect(df.instructions.every((i) => i.heredocs.length === 0)).toBe(true);
  });

  it('reads a heredoc body with CRLF line ends without the CR', () => {
    const run = ins(parse('FROM a\r\nRUN <<EOF\r\necho a\r\necho b\r\nEOF\r\n'), 'RUN');
    expect(run.heredocs[0]?.content).toBe('echo a\necho b');
    expect(cmds(run).slice(1)).toEqual(['3:1 echo a', '4:1 echo b']);
  });
});

describe('flags', () => {
  it('reads several --mount flags, --network and --security with file positions', () => {
    const src =
      'FROM a\nRUN --mount=type=cache,target=/root/.cache \\\n    --mount=type=secret,id=tok --network=none --security=insecure pip install x\n';
    const run = ins(parse(src), 'RUN');
    expect(run.flags.map((f) => `${f.name}=${f.value}@${f.line}:${f.column}`)).toEqual([
      'mount=type=cache,target=/root/.cache@2:5',
      'mount=type=secret,id=tok@3:5',
      'network=none@3:32',
      'security=insecure@3:47',
    ]);
    expect(run.args).toBe('pip install x');
    expect(cmds(run)).toEqual(['3:67 pip install x']);
  });

  it.each([
    ['bare flag', 'FROM a\nCOPY --link src /dst\n', [['link', null]], 'src /dst'],
    ['quoted value', 'FROM a\nCOPY --chown="app:app" src /dst\n', [['chown', 'app:app']], 'src /dst'],
    ['-- ends the flags', 'FROM a\nCOPY -- --weird /dst\n', [], '--weird /dst'],
    ['flags only before the arguments', 'FROM a\nCOPY src --chown=x /dst\n', [], 'src --chown=x /dst'],
  ])('%s', (_name, src, flags, args) => {
    const copy = ins(parse(src), 'COPY');
    expect(copy.flags.map((f) => [f.name, f.value])).toEqual(flags);
    expect(copy.args).toBe(args);
  });
});

describe('exec form and shell form', () => {
  it.each([
    [
      'RUN exec form of sh -c',
      'RUN ["sh", "-c", "rm -rf /tmp/x"]',
      ['sh', '-c', 'rm -rf /tmp/x'],
      ['sh -c rm -rf /tmp/x', 'rm -rf /tmp/x'],
    ],
    ['RUN exec form of a program', 'RUN ["apt-get", "update"]', ['apt-get', 'update'], ['apt-get update']],
    [
      'CMD exec form runs no shell',
      'CMD ["nginx", "-g", "daemon off;"]',
      ['nginx', '-g', 'daemon off;'],
      null,
    ],
    ['CMD shell form', 'CMD nginx -g "daemon off;"', null, ['nginx -g daemon off;']],
    ['ENTRYPOINT shell form', 'ENTRYPOINT exec app', null, ['exec app']],
    ['broken JSON is shell form', 'CMD ["a", b]', null, ['[a, b]']],
    [
      'HEALTHCHECK CMD shell form',
      'HEALTHCHECK --interval=5s CMD curl -f http://x || exit 1',
      null,
      ['curl -f http://x', 'exit 1'],
    ],
    ['HEALTHCHECK NONE', 'HEALTHCHECK NONE', null, null],
  ])('%s', (_name, line, json, commands) => {
    const i = parse(`FROM a\n${line}\n`).instructions[1] as Instruction;
    expect(i.json).toEqual(json);
    expect(i.shell ? i.shell.commands.map((c) => c.argv.map((a) => a.value).join(' ')) : null).toEqual(
      commands,
    );
  });

  it('does not parse RUN as POSIX shell under a non-POSIX SHELL', () => {
    const df = parse(
      'FROM a\nSHELL ["powershell", "-Command"]\nRUN Remove-Item -Recurse C:\\x\nFROM a\nRUN rm -rf /x\n',
    );
    expect(ins(df, 'RUN', 0).shell).toBeUndefined();
    expect(cmds(ins(df, 'RUN', 1))).toEqual(['5:5 rm -rf /x']);
  });
});

describe('ARG and ENV expansion', () => {
  it('expands global ARGs in FROM, not in the stage unless re-declared', () => {
    const df = parse('ARG V=3.19\nARG IMG=alpine\nFROM ${IMG}:$V\nRUN echo $V\nARG V\nRUN echo $V\n');
    expect(df.stages[0]?.resolvedImage).toBe('alpine:3.19');
    expect(df.stages[0]?.imageDynamic).toBe(false);
    expect(ins(df, 'FROM').words).toEqual(['alpine:3.19']);
    expect(cmds(ins(df, 'RUN', 0))).toEqual(['4:5 echo $V*']);
    expect(cmds(ins(df, 'RUN', 1))).toEqual(['6:5 echo 3.19']);
  });

  it('marks FROM dynamic when an ARG has no default', () => {
    const df = parse('ARG TAG\nFROM alpine:${TAG}\n');
    expect(df.stages[0]?.imageDynamic).toBe(true);
    expect(df.stages[0]?.resolvedImage).toBe('alpine:${TAG}');
  });

  it('lets ENV override ARG of the same name, even a later ARG', () => {
    const df = parse('FROM a\nARG V=arg\nENV V=env\nARG V=again\nRUN echo $V\n', { V: 'cli' });
    expect(cmds(ins(df, 'RUN'))).toEqual(['5:5 echo env']);
  });

  it('uses --build-arg values over defaults', () => {
    const df = parse('ARG TAG=1\nFROM alpine:$TAG\nARG TOKEN=x\nRUN echo $TOKEN\n', { TAG: '2', TOKEN: 'y' });
    expect(df.stages[0]?.resolvedImage).toBe('alpine:2');
    expect(cmds(ins(df, 'RUN'))).toEqual(['4:5 echo y']);
  });

  it('expands ENV values with the variables as they were before the instruction', () => {
    const df = parse('FROM a\nENV abc=hello\nENV abc=bye def=$abc\nENV ghi=$abc\nRUN echo $def $ghi\n');
    expect(cmds(ins(df, 'RUN'))).toEqual(['5:5 echo hello bye']);
  });

  it.each([
    ['multi with quotes', 'ENV A=1 B="x y"', 'echo $A $B "$B"', 'echo 1 x y x y', ['A=1', 'B=x y']],
    ['single quotes are literal', "ENV D='$HOME'", 'echo "$D"', 'echo $HOME', ['D=$HOME']],
    ['escaped $', 'ENV E=\\$HOME', 'echo "$E"', 'echo $HOME', ['E=$HOME']],
    [
      'legacy ENV K V W',
      'ENV L legacy value  here',
      'echo "$L"',
      'echo legacy value  here',
      ['L=legacy value  here'],
    ],
    ['escaped blank', 'ENV P=a\\ b', 'echo "$P"', 'echo a b', ['P=a b']],
  ])('ENV %s', (_name, env, run, expected, words) => {
    const df = parse(`FROM a\n${env}\nRUN ${run}\n`);
    expect(cmds(ins(df, 'RUN'))).toEqual([`3:5 ${expected}`]);
    expect(ins(df, 'ENV').words).toEqual(words);
  });

  it.each([
    ['${V:-d} unset', '${NOPE:-d}', 'd'],
    ['${V:-d} empty', '${EMPTY:-d}', 'd'],
    ['${V-d} empty', '${EMPTY-d}', ''],
    ['${V-d} set', '${V-d}', '1'],
    ['${V:+a} set', '${V:+a}', 'a'],
    ['${V:+a} empty', '${EMPTY:+a}', ''],
    ['${V+a} empty', '${EMPTY+a}', 'a'],
    ['nested default', '${NOPE:-$V}', '1'],
    ['escaped $', '\\$V', '$V'],
  ])('WORKDIR %s', (_name, expr, value) => {
    const df = parse(`FROM a\nARG V=1\nARG EMPTY=\nWORKDIR /x${expr}\n`);
    expect(ins(df, 'WORKDIR').words).toEqual([`/x${value}`]);
  });

  it('inherits ENV and ARG values through FROM <stage>, not into unrelated stages', () => {
    const df = parse(
      'FROM alpine AS base\nARG LOCAL=l\nENV E=e\nFROM base AS child\nRUN echo $E $LOCAL\nFROM alpine\nRUN echo $E\n',
    );
    expect(cmds(ins(df, 'RUN', 0))).toEqual(['5:5 echo e l']);
    expect(cmds(ins(df, 'RUN', 1))).toEqual(['7:5 echo $E*']);
  });

  it('inherits SHELL through FROM <stage>', () => {
    const df = parse('FROM w AS base\nSHELL ["cmd", "/S", "/C"]\nFROM base\nRUN dir\n');
    expect(ins(df, 'RUN').shell).toBeUndefined();
  });

  it('expandVars without quote processing keeps quotes', () => {
    expect(expandVars('"$A" \'$A\'', new Map([['A', '1']]))).toEqual({ value: '"1" \'1\'', dynamic: false });
    expect(expandVars('"$A" \'$A\'', new Map([['A', '1']]), '\\', true)).toEqual({
      value: '1 $A',
      dynamic: false,
    });
    expect(expandVars('${A:?missing}', new Map())).toEqual({ value: '${A:?missing}', dynamic: true });
  });
});

describe('stages', () => {
  const src = [
    'FROM golang:1.22 AS Build',
    'RUN go build -o /app',
    'FROM build AS test',
    'RUN go test',
    'FROM alpine AS assets',
    'FROM scratch AS tools',
    'FROM gcr.io/distroless/static',
    'COPY --from=BUILD /app /app',
    'COPY --from=2 /a /a',
    'RUN --mount=type=bind,from=tools,target=/t true',
    '',
  ].join('\n');
  const df = parse(src);

  it('matches aliases case-insensitively and records bases and copies', () => {
    expect(df.stages.map((s) => [s.name, s.baseStage, s.copiesFrom])).toEqual([
      ['build', null, []],
      ['test', 0, []],
      ['assets', null, []],
      ['tools', null, []],
      [null, null, [0, 2, 3]],
    ]);
    expect(df.finalStage).toBe(4);
    expect(df.stages[4]?.instructions.map((i) => df.instructions[i]?.keyword)).toEqual([
      'FROM',
      'COPY',
      'COPY',
      'RUN',
    ]);
  });

  it('ships the final stage and its bases, not the stages it copies from', () => {
    expect(df.shippedStages).toEqual([4]);
  });

  it('ships the base chain of a final FROM <stage>', () => {
    const chain = parse('FROM a AS one\nFROM one AS two\nFROM b AS other\nFROM two\n');
    expect([...chain.shippedStages].sort()).toEqual([0, 1, 3]);
  });

  it('does not take a later or own stage index as a source', () => {
    const own = parse('FROM a\nCOPY --from=0 /x /x\nCOPY --from=5 /y /y\nCOPY --from=nginx:latest /z /z\n');
    expect(own.stages[0]?.copiesFrom).toEqual([]);
  });

  it('records the --platform flag', () => {
    expect(parse('FROM --platform=$BUILDPLATFORM golang AS b\n').stages[0]?.platform).toBe('$BUILDPLATFORM');
  });
});

describe('ONBUILD, problems and odd files', () => {
  it('parses ONBUILD triggers with their flags and shell, unexpanded', () => {
    const df = parse('FROM a\nARG V=1\nONBUILD COPY --chown=$V . /src\nONBUILD RUN make \\\n   install\n');
    const copy = ins(df, 'ONBUILD', 0).onbuild;
    expect(copy?.keyword).toBe('COPY');
    expect(copy?.flags.map((f) => `${f.name}=${f.value}@${f.line}:${f.column}`)).toEqual(['chown=$V@3:14']);
    expect(copy?.words).toEqual(['.', '/src']);
    const run = ins(df, 'ONBUILD', 1).onbuild;
    expect(run && `${run.keyword}@${run.line}:${run.column}`).toBe('RUN@4:9');
    expect(run && cmds(run)).toEqual(['4:13 make install']);
  });

  it.each([
    ['unknown instruction', 'FROM a\nBOGUS x\n', /2:1: unknown instruction BOGUS/],
    ['instruction before FROM', 'RUN x\nFROM a\n', /1:1: RUN before the first FROM/],
    ['no FROM', 'ARG X=1\n', /no FROM instruction/],
  ])('%s is a problem', (_name, src, problem) => {
    expect(parse(src).problems.join('\n')).toMatch(problem);
  });

  it('takes ARG before FROM without a problem', () => {
    expect(parse('ARG X=1\nFROM a:$X\n').problems).toEqual([]);
  });

  it.each([
    ['empty file', '', /empty file/],
    ['whitespace only', '  \n\t\n', /empty file/],
    ['comments only', '# syntax=docker/dockerfile:1\n# just a comment\n', /no instructions/],
    ['binary file', 'FROM a\n\0\0\x01', /binary file/],
  ])('%s is a DockerfileError', (_name, src, message) => {
    expect(errorOf(src).message).toMatch(message);
  });

  it('strips a byte-order mark and still reads the directive', () => {
    const df = parse('\ufeff# escape=`\nFROM a\nRUN echo `\n  b\n');
    expect(df.escape).toBe('`');
    expect(ins(df, 'FROM').line).toBe(2);
  });

  it('reads lower-case and indented instructions', () => {
    const df = parse('from alpine as b\n   run echo hi\n');
    expect(df.instructions.map((i) => `${i.keyword}@${i.line}:${i.column}`)).toEqual(['FROM@1:1', 'RUN@2:4']);
    expect(df.stages[0]?.name).toBe('b');
    expect(cmds(ins(df, 'RUN'))).toEqual(['2:8 echo hi']);
  });

  it('ties inline suppressions to the next instruction, also inside a continuation', () => {
    const src =
      '# bulkhead-ignore-file BH-DKF-001 legacy image\nFROM a\n# bulkhead-ignore BH-DKF-002,sudo needed for x\nRUN a \\\n  # bulkhead-ignore-stage BH-DKF-003\n  b\nUSER x\n';
    expect(parse(src).suppressions).toEqual([
      { kind: 'file', ids: ['BH-DKF-001'], reason: 'legacy image', instruction: -1, line: 1, column: 1 },
      {
        kind: 'next',
        ids: ['BH-DKF-002', 'sudo'],
        reason: 'needed for x',
        instruction: 1,
        line: 3,
        column: 1,
      },
      { kind: 'stage', ids: ['BH-DKF-003'], reason: '', instruction: 2, line: 5, column: 3 },
    ]);
  });
});

describe('robustness', () => {
  it('parses a large file with many RUN lines and one huge RUN', () => {
    const lines = ['FROM debian'];
    for (let i = 0; i < 20_000; i++)
      lines.push(`RUN apt-get install -y pkg${i} && rm -rf /var/lib/apt/lists/*`);
    lines.push(`RUN ${Array.from({ length: 10_000 }, (_, i) => `echo ${i}`).join(' && \\\n    ')}`);
    const df = parse(`${lines.join('\n')}\n`);
    expect(df.instructions).toHaveLength(20_002);
    const big = df.instructions[20_001] as Instruction;
    expect(big.shell?.commands).toHaveLength(10_000);
    expect(cmds(big).at(-1)).toBe(`${20_002 + 9_999}:5 echo 9999`);
  });

  it('survives a heredoc of 10,000 lines with positions intact', () => {
    const body = Array.from({ length: 10_000 }, (_, i) => `echo ${i}`).join('\n');
    const run = ins(parse(`FROM a\nRUN <<EOF\n${body}\nEOF\n`), 'RUN');
    expect(cmds(run).at(-1)).toBe('10002:1 echo 9999');
  });
});
