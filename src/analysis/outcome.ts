// Helpers that turn effective settings into check outcomes, shared by the daemon checks.
import { fail, type Outcome, pass, unknown } from '../core/model.js';
import type { Snapshot } from '../facts/snapshot.js';
import { type KnownSetting, type Setting, settingEvidence } from './daemon-config.js';

/** pass/fail on a known setting, unknown (with the reason) otherwise; evidence names value and origin. */
export function judgeSetting<T>(
  name: string,
  s: Setting<T>,
  ok: (v: T) => boolean,
  opts: { show?: (v: T) => string; failHint?: (s: KnownSetting<T>) => string | undefined } = {},
): Outcome {
  if (!s.known) return unknown(s.reason, { evidence: s.notes });
  const evidence = settingEvidence(name, s, opts.show);
  if (ok(s.value)) return pass(evidence);
  const hint = opts.failHint?.(s);
  return fail(hint ? [...evidence, hint] : evidence);
}

/** Why the daemon facts are missing (checks declare them, so this is a guard). */
export const daemonGap = (snap: Snapshot): string => snap.gaps.daemon ?? 'daemon facts were not collected';

/** Swarm checks apply only to an active swarm node. */
export function swarmInactive(snap: Snapshot): string | undefined {
  const state = snap.daemon?.info.swarm.localNodeState;
  if (state === undefined) return undefined;
  return state === 'active' ? undefined : `swarm mode is ${state || 'inactive'} on this node`;
}
