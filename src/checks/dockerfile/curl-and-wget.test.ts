import { describe, expect, it } from 'vitest';
import { failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './curl-and-wget.js';

describe('BH-DKF-048 curl-and-wget', () => {
  it.each([
    [
      'both installed in one command',
      'RUN apt-get update && apt-get install -y curl wget',
      '2:47 both curl and wget in the final image: apt-get install curl at 2:42 and apt-get install wget at 2:47',
    ],
    [
      'installed curl, wget in HEALTHCHECK',
      'RUN apk add --no-cache curl\nHEALTHCHECK --interval=30s CMD wget -qO- http://localhost/ || exit 1',
      '3:32 both curl and wget in the final image: apk add curl at 2:24 and HEALTHCHECK wget at 3:32',
    ],
    [
      'both invoked (from the base image)',
      'RUN curl -fsSL https://x/a -o /a\nRUN wget -q https://x/b',
      '3:5 both curl and wget in the final image: RUN curl at 2:5 and RUN wget at 3:5',
    ],
    [
      'installed in a base stage',
      'RUN apt-get install -y wget\nFROM base\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]',
      '4:1 both curl and wget in the final image: apt-get install wget at 2:24 and HEALTHCHECK curl at 4:1',
    ],
  ])('fails: %s', (_n, body, want) => {
    expect(failures(check, `FROM debian:12 AS base\n${body}\n`)).toEqual([want]);
  });

  it.each([
    ['only curl', 'RUN apt-get install -y curl && curl -fsSL https://x -o /x'],
    [
      'wget removed after use',
      'RUN apk add wget && wget -q https://x/a && apk del wget\nRUN apk add --no-cache curl',
    ],
    [
      'the builder has both, the final stage one',
      'RUN apt-get install -y curl wget\nFROM debian:12\nCOPY --from=base /x /x\nRUN curl -f https://x',
    ],
    ['words in echo', 'RUN echo curl wget'],
  ])('passes: %s', (_n, body) => {
    expect(statuses(check, `FROM debian:12 AS base\n${body}\n`)).toEqual(['pass']);
  });
});
