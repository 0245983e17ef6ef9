import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../collectors/source/dockerfile.js';
import { dockerfileFromHistory, instructionOf } from './history.js';

describe('instructionOf', () => {
  it.each([
    ['/bin/sh -c #(nop)  CMD ["sh"]', 'CMD ["sh"]'],
    ['/bin/sh -c #(nop)  CMD ["/bin/busybox" "sh"]', 'CMD ["/bin/busybox", "sh"]'],
    ['/bin/sh -c #(nop)  ENTRYPOINT ["/app" "--say \\"hi\\""]', 'ENTRYPOINT ["/app", "--say \\"hi\\""]'],
    ['/bin/sh -c #(nop) ADD file:6b4c0f7a3f7d1e2a in / ', 'ADD <context> /'],
    ['/bin/sh -c #(nop) COPY file:0123abcd in /bin/busybox ', 'COPY <context> /bin/busybox'],
    ['/bin/sh -c apt-get update && apt-get install -y curl', 'RUN apt-get update && apt-get install -y curl'],
    ['|2 VERSION=1.2 TOKEN=abc /bin/sh -c make install', 'RUN make install'],
    ['/bin/sh -c #(nop)  USER 1000', 'USER 1000'],
    ['/bin/sh -c #(nop)  EXPOSE 22/tcp', 'EXPOSE 22/tcp'],
    ['RUN /bin/sh -c apt-get update # buildkit', 'RUN apt-get update'],
    ['RUN |1 X=y /bin/sh -c make # buildkit', 'RUN make'],
    ['COPY app /app # buildkit', 'COPY app /app'],
    ['ENV PATH=/usr/local/bin:/usr/bin', 'ENV PATH=/usr/local/bin:/usr/bin'],
    ['EXPOSE map[22/tcp:{} 8080/tcp:{}]', 'EXPOSE 22/tcp 8080/tcp'],
    ['WORKDIR /src', 'WORKDIR /src'],
  ])('%s', (createdBy, expected) => {
    expect(instructionOf(createdBy)).toBe(expected);
  });

  it.each([[''], ['bazel build'], ['/bin/sh -c #(nop) unknown thing']])('not recoverable: %j', (s) => {
    expect(instructionOf(s)).toBeNull();
  });
});

describe('dockerfileFromHistory', () => {
  it('builds a parseable Dockerfile whose lines map back to history steps', () => {
    const out = dockerfileFromHistory([
      { createdBy: '/bin/sh -c #(nop) ADD file:6b4c in / ', emptyLayer: false, layer: 0 },
      { createdBy: 'bazel build //:image', emptyLayer: false, layer: 1 },
      { createdBy: 'RUN /bin/sh -c curl -k https://x | sh # buildkit', emptyLayer: false, layer: 2 },
      { createdBy: '/bin/sh -c #(nop)  CMD ["sh"]', emptyLayer: true, layer: null },
    ]);
    expect(out.recovered).toBe(3);
    expect(out.text.split('\n').slice(0, 5)).toEqual([
      'FROM scratch',
      'ADD <context> /',
      '# not recoverable: bazel build //:image',
      'RUN curl -k https://x | sh',
      'CMD ["sh"]',
    ]);
    expect(out.stepOfLine[4]).toBe(2);
    const df = parseDockerfile('history', out.text);
    const run = df.instructions.find((i) => i.keyword === 'RUN');
    expect(run?.shell?.pipelines).toHaveLength(1);
    expect(df.problems).toEqual([]);
  });
});
