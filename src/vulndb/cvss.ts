// CVSS v3.0/v3.1 base score from a vector string (FIRST CVSS v3.1 specification, section 7). Written here
// because the formula is twenty lines and a dependency for it would be larger than the code.

const AV = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 } as const;
const AC = { L: 0.77, H: 0.44 } as const;
const PR_UNCHANGED = { N: 0.85, L: 0.62, H: 0.27 } as const;
const PR_CHANGED = { N: 0.85, L: 0.68, H: 0.5 } as const;
const UI = { N: 0.85, R: 0.62 } as const;
const CIA = { H: 0.56, L: 0.22, N: 0 } as const;

/** CVSS 3.1 Roundup: the smallest one-decimal number >= x, computed on integers to dodge float error. */
export function roundUp31(x: number): number {
  const i = Math.round(x * 100000);
  return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
}

const pick = <T extends Record<string, number>>(table: T, key: string | undefined): number | undefined =>
  key !== undefined && Object.hasOwn(table, key) ? table[key as keyof T] : undefined;

/** Base score 0.0–10.0, or undefined for anything that is not a complete CVSS 3.x vector. */
export function cvss3BaseScore(vector: string): number | undefined {
  const m = /^CVSS:3\.([01])\/(.*)$/.exec(vector.trim());
  if (!m) return undefined;
  const minor = m[1];
  const metrics = new Map<string, string>();
  for (const part of (m[2] as string).split('/')) {
    const [k, v, extra] = part.split(':');
    if (k === undefined || v === undefined || extra !== undefined || metrics.has(k)) return undefined;
    metrics.set(k, v);
  }
  const scope = metrics.get('S');
  if (scope !== 'U' && scope !== 'C') return undefined;
  const changed = scope === 'C';
  const av = pick(AV, metrics.get('AV'));
  const ac = pick(AC, metrics.get('AC'));
  const pr = pick(changed ? PR_CHANGED : PR_UNCHANGED, metrics.get('PR'));
  const ui = pick(UI, metrics.get('UI'));
  const c = pick(CIA, metrics.get('C'));
  const i = pick(CIA, metrics.get('I'));
  const a = pick(CIA, metrics.get('A'));
  if (av === undefined || ac === undefined || pr === undefined || ui === undefined) return undefined;
  if (c === undefined || i === undefined || a === undefined) return undefined;

  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss;
  if (impact <= 0) return 0;
  const exploitability = 8.22 * av * ac * pr * ui;
  const raw = changed
    ? Math.min(1.08 * (impact + exploitability), 10)
    : Math.min(impact + exploitability, 10);
  // 3.0 rounds up naively; 3.1 fixed the float artefacts of that with the integer Roundup.
  return minor === '0' ? Math.ceil(raw * 10) / 10 : roundUp31(raw);
}

export type SeverityLevel = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** CVSS v3 qualitative rating scale; 0.0 ("None") is info. */
export function cvssSeverity(score: number): SeverityLevel {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

/** Free-text ratings used by OSV databases (GHSA MODERATE, Ubuntu negligible, Red Hat Important…). */
export function severityFromLabel(label: unknown): SeverityLevel | undefined {
  if (typeof label !== 'string') return undefined;
  switch (label.trim().toLowerCase()) {
    case 'critical':
      return 'critical';
    case 'high':
    case 'important':
      return 'high';
    case 'moderate':
    case 'medium':
      return 'medium';
    case 'low':
      return 'low';
    case 'negligible':
    case 'none':
      return 'info';
    default:
      return undefined;
  }
}
