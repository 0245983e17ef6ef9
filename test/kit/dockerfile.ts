// Builds DockerfileFacts from Dockerfile text (the real parser) and runs one check over it.
import { parseDockerfile } from '../../src/collectors/source/dockerfile.js';
import { type AnyCheck, type CheckSettings, defaultSettings, type Outcome } from '../../src/core/model.js';
import type { DockerfileFacts } from '../../src/facts/dockerfile.js';

/** Strips the common indentation of a template literal so Dockerfiles read naturally in tests. */
export function dockerfile(strings: TemplateStringsArray | string, ...values: unknown[]): string {
  const raw = typeof strings === 'string' ? strings : String.raw({ raw: strings }, ...values);
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return `${lines
    .map((l) => l.slice(indent))
    .join('\n')
    .trimEnd()}\n`;
}

export const facts = (text: string, path = 'Dockerfile'): DockerfileFacts => parseDockerfile(path, text);

export function run(check: AnyCheck, text: string, settings: Partial<CheckSettings> = {}): Outcome[] {
  const df = facts(text);
  const out = check.evaluate(df, {
    snapshot: { dockerfiles: [df], gaps: {} },
    settings: { ...defaultSettings(), now: new Date('2026-11-28T00:00:00Z'), ...settings },
  });
  return Array.isArray(out) ? out : [out];
}

/** The failing findings as `line:col message` (the location comes from the evidence path). */
export function failures(check: AnyCheck, text: string, settings: Partial<CheckSettings> = {}): string[] {
  return run(check, text, settings)
    .filter((o) => o.status === 'fail')
    .map((o) => {
      const e = 'evidence' in o ? o.evidence[0] : undefined;
      const m = /:(\d+):(\d+)$/.exec(e?.path ?? '');
      return `${m ? `${m[1]}:${m[2]} ` : ''}${e?.message ?? ''}`;
    });
}

/** The single status when the check returns one outcome (pass/unknown cases). */
export const statuses = (check: AnyCheck, text: string, settings: Partial<CheckSettings> = {}): string[] =>
  run(check, text, settings).map((o) => o.status);
