import { describe, expect, it } from 'vitest';
import {
  containerFacts,
  evaluate,
  fromInspect,
  imageInspect,
  inspectV141,
  inspectV152,
  messages,
} from '../../../test/kit/inspect.js';
import { specFromInspect } from '../../collectors/adapters/inspect.js';
import check from './healthcheck.js';

describe('BH-CTR-028 healthcheck', () => {
  it.each([
    [
      'Healthcheck absent (1.41)',
      fromInspect(inspectV141(), { image: imageInspect() }),
      'neither the container nor its image defines a healthcheck',
    ],
    [
      'Healthcheck absent (1.52)',
      fromInspect(inspectV152()),
      'neither the container nor its image defines a healthcheck',
    ],
    [
      '--no-healthcheck',
      fromInspect(inspectV152({ Config: { Healthcheck: { Test: ['NONE'] } } })),
      'Config.Healthcheck.Test is ["NONE"]: the healthcheck is disabled',
    ],
    [
      'image HEALTHCHECK NONE',
      containerFacts({ imageHealthcheck: { test: ['NONE'] } }),
      'the image disables its healthcheck (HEALTHCHECK NONE)',
    ],
  ])('fails: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual([evidence]);
  });

  it.each([
    [
      'container healthcheck (1.41)',
      fromInspect(
        inspectV141({
          Config: {
            Healthcheck: {
              Test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
              Interval: 30000000000,
              Timeout: 5000000000,
              Retries: 3,
            },
          },
          State: { Health: { Status: 'healthy', FailingStreak: 0, Log: [] } },
        }),
      ),
      'healthcheck: curl -f http://localhost/ || exit 1',
    ],
    [
      'image healthcheck (1.52)',
      fromInspect(inspectV152(), { image: imageInspect({ Healthcheck: { Test: ['CMD', 'pg_isready'] } }) }),
      'healthcheck from the image: pg_isready',
    ],
  ])('passes: %s', (_n, c, evidence) => {
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('pass');
    expect(messages(out)).toEqual([evidence]);
  });

  it('is unknown for a create body whose image was not inspected', () => {
    const c = containerFacts();
    const { imageUser: _u, ...rest } = c;
    expect(evaluate(check, { ...rest, spec: specFromInspect({ Image: 'postgres:17' }) })[0]?.status).toBe(
      'unknown',
    );
  });
});
