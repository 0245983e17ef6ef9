import { describe, expect, it } from 'vitest';
import { dockerfile, failures, statuses } from '../../../test/kit/dockerfile.js';
import check from './suppression-reason.js';

describe('BH-DKF-060 suppression-reason', () => {
  it('fails for suppressions without a reason or ids, at the comment', () => {
    const text = dockerfile`
      # bulkhead-ignore-file BH-DKF-003
      FROM debian:12
        # bulkhead-ignore BH-DKF-005,BH-DKF-010
      USER root
      # bulkhead-ignore
      RUN true
    `;
    expect(failures(check, text)).toEqual([
      '1:1 bulkhead-ignore BH-DKF-003 without a reason (not honoured)',
      '3:3 bulkhead-ignore BH-DKF-005,BH-DKF-010 without a reason (not honoured)',
      '5:1 bulkhead-ignore without check ids or reason',
    ]);
  });

  it('passes when every suppression says why (and with none)', () => {
    const text = dockerfile`
      # bulkhead-ignore-file BH-DKF-003 digests are pinned by renovate at release
      FROM debian:12
      # bulkhead-ignore-stage BH-DKF-* vendor stage, reviewed 2026-11
      # bulkhead-ignore BH-DKF-005 needs root to bind :80
      USER root
    `;
    expect(statuses(check, text)).toEqual(['pass']);
    expect(statuses(check, 'FROM debian:12\n')).toEqual(['pass']);
  });
});
