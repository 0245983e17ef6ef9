// Settings that turn a protection off can be set four ways: ENV, ARG default, a command prefix
// (`GIT_SSL_NO_VERIFY=1 git clone`) and `export`. One pass finds them all for a judge function.
import type { Outcome } from '../../core/model.js';
import type { DockerfileFacts, Pos } from '../../facts/dockerfile.js';
import { keyValues, target } from './_b-secrets.js';
import { finding, runCommands } from './_lib.js';

/** Returns a message for a variable that turns a protection off, or null. */
export type EnvJudge = (name: string, value: string) => string | null;

const EXPORTS = new Set(['export', 'declare', 'typeset', 'readonly', 'local']);

export function envFindings(df: DockerfileFacts, judge: EnvJudge): Outcome[] {
  const out: Outcome[] = [];
  for (const ins of df.instructions) {
    const t = target(ins);
    if (t.keyword !== 'ENV' && t.keyword !== 'ARG') continue;
    for (const kv of keyValues(t, df.escape)) {
      if (kv.value === null) continue;
      const m = judge(kv.name, kv.value);
      if (m) out.push(finding(df, ins, `${m}: ${t.keyword} ${kv.name}=${kv.value}`));
    }
  }
  for (const { ins, cmd, eff } of runCommands(df)) {
    const hits: { text: string; at: Pos; m: string }[] = [];
    for (const a of cmd.assigns) {
      const m = judge(a.name, a.value);
      if (m) hits.push({ text: `${a.name}=${a.value}`, at: a, m });
    }
    if (eff.name !== null && EXPORTS.has(eff.name))
      for (const w of eff.args) {
        const eq = w.value.indexOf('=');
        if (eq <= 0) continue;
        const m = judge(w.value.slice(0, eq), w.value.slice(eq + 1));
        if (m) hits.push({ text: `${eff.name} ${w.value}`, at: w, m });
      }
    for (const h of hits) out.push(finding(df, ins, `${h.m}: ${h.text}`, h.at));
  }
  return out;
}

export const FALSY = /^(0|false|no|off|n)$/i;
export const TRUTHY = /^(1|true|yes|on|y)$/i;
