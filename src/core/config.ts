import { ConfigError } from './errors.js';
import { type CheckSettings, defaultSettings, SCOPES, SEVERITIES } from './model.js';
import { z } from './schema.js';

const isoDate = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : v;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(s))) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a date (YYYY-MM-DD)` });
    return z.NEVER;
  }
  return s;
});

const suppressionSchema = z
  .object({
    check: z.string().min(1),
    subject: z.string().min(1).optional(),
    reason: z.string().trim().min(1, 'a suppression needs a reason'),
    expires: isoDate.optional(),
  })
  .strict();

export const configSchema = z
  .object({
    failOn: z.enum([...SEVERITIES, 'none']).optional(),
    minSeverity: z.enum(SEVERITIES).optional(),
    scope: z.array(z.enum([...SCOPES, 'all'])).optional(),
    only: z.array(z.string()).optional(),
    skip: z.array(z.string()).optional(),
    settings: z
      .object({
        maxContainers: z.number().int().positive().optional(),
        containerAllowlist: z.array(z.string()).optional(),
        egressPolicy: z.enum(['deny', 'allow']).optional(),
        staleImageDays: z.number().int().positive().optional(),
        minNofile: z.number().int().positive().optional(),
        trustedRegistries: z.array(z.string()).optional(),
        allowedBaseImages: z.array(z.string()).optional(),
        dockerGroupAllowlist: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    suppressions: z.array(suppressionSchema).optional(),
  })
  .strict();

export type Config = z.output<typeof configSchema>;
export type Suppression = z.output<typeof suppressionSchema>;

/** Validates a parsed config document; `source` names the file in errors. */
export function parseConfig(doc: unknown, source: string): Config {
  if (doc === null || doc === undefined) return {};
  const r = configSchema.safeParse(doc);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : '(top level)';
    throw new ConfigError(
      `${source}: ${where}: ${issue.message}`,
      'see docs/configuration.md for the file format',
    );
  }
  return r.data;
}

export function settingsFrom(config: Config, now = new Date()): CheckSettings {
  const s = { ...defaultSettings(), now };
  const c = config.settings ?? {};
  for (const [k, v] of Object.entries(c))
    if (v !== undefined) (s as unknown as Record<string, unknown>)[k] = v;
  return s;
}
