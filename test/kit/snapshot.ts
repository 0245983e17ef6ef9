import { type CheckSettings, type Context, defaultSettings } from '../../src/core/model.js';
import type { Snapshot } from '../../src/facts/snapshot.js';

/** A fixed clock so age-based checks are deterministic. */
export const NOW = new Date('2026-11-28T12:00:00Z');

export const settings = (over: Partial<CheckSettings> = {}): CheckSettings => ({
  ...defaultSettings(),
  now: NOW,
  ...over,
});

export const snapshot = (over: Partial<Snapshot> = {}): Snapshot => ({ gaps: {}, ...over });

export const context = (snap: Partial<Snapshot> = {}, over: Partial<CheckSettings> = {}): Context => ({
  snapshot: snapshot(snap),
  settings: settings(over),
});
