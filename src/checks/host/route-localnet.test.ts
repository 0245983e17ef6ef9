import { describe, expect, it } from 'vitest';
import { evaluateHost, hostSnapshot, statuses, textOf } from '../../../test/kit/host.js';
import check from './route-localnet.js';

const KEY = 'net.ipv4.conf.all.route_localnet';

describe('route-localnet', () => {
  it.each<[string, string | undefined, Record<string, string>, string, string]>([
    ['0 passes', '0', {}, 'pass', `${KEY} = 0`],
    ['1 fails', '1', {}, 'fail', `${KEY} = 1`],
    ['missing is unknown', undefined, { sysctls: 'EACCES' }, 'unknown', `${KEY} was not read: EACCES`],
  ])('%s', (_name, value, errors, status, text) => {
    const out = evaluateHost(check, hostSnapshot({ sysctls: { [KEY]: value }, errors }));
    expect(statuses(out)).toEqual([status]);
    expect(textOf(out)).toContain(text);
  });
});
