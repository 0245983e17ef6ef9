import { describe, expect, it } from 'vitest';
import {
  evaluate,
  exited,
  fromInspect,
  inspectV141,
  inspectV152,
  messages,
  topOf,
} from '../../../test/kit/inspect.js';
import check from './single-process.js';

describe('BH-CTR-008 single-process', () => {
  it('fails for a supervisor running several programs', () => {
    const c = fromInspect(inspectV152(), {
      top: topOf(
        ['root', '10', '/usr/bin/python3 /usr/bin/supervisord -n -c /etc/supervisor/supervisord.conf'],
        ['root', '20', 'nginx: master process /usr/sbin/nginx -g daemon off;'],
        ['www-data', '21', 'nginx: worker process'],
        ['root', '22', '/usr/sbin/cron -f'],
        ['www-data', '23', 'php-fpm: pool www'],
      ),
    });
    const out = evaluate(check, c);
    expect(out[0]?.status).toBe('fail');
    expect(messages(out)).toEqual(['4 distinct programs run: python3, nginx, cron, php-fpm']);
  });

  it.each([
    [
      'nginx master + workers (1.41)',
      fromInspect(inspectV141(), {
        top: topOf(
          ['root', '1', 'nginx: master process nginx -g daemon off;'],
          ['101', '30', 'nginx: worker process'],
        ),
      }),
    ],
    [
      'tini + postgres workers (1.52)',
      fromInspect(inspectV152(), {
        top: topOf(
          ['root', '1', '/sbin/tini -- docker-entrypoint.sh postgres'],
          ['999', '7', 'postgres'],
          ['999', '60', 'postgres: checkpointer'],
          ['999', '61', 'postgres: background writer'],
        ),
      }),
    ],
  ])('passes: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('pass');
  });

  it.each([
    ['exited', fromInspect(exited(inspectV152()), { top: topOf(['root', '1', 'a'], ['root', '2', 'b']) })],
    ['running, top not collected', fromInspect(inspectV141())],
  ])('unknown: %s', (_n, c) => {
    expect(evaluate(check, c)[0]?.status).toBe('unknown');
  });
});
