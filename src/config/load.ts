import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { type Config, parseConfig } from '../core/config.js';
import { ConfigError } from '../core/errors.js';

export const DEFAULT_CONFIG_FILES = ['.bulkhead.yaml', '.bulkhead.yml'];

/** Loads `.bulkhead.yaml`: the explicit path, else the first default file in `cwd`, else an empty config. */
export async function loadConfig(
  path: string | undefined,
  cwd = process.cwd(),
): Promise<{ config: Config; source: string | null }> {
  const candidates = path ? [resolve(cwd, path)] : DEFAULT_CONFIG_FILES.map((f) => resolve(cwd, f));
  const file = candidates.find((f) => existsSync(f));
  if (!file) {
    if (path) throw new ConfigError(`config file ${path} does not exist`, 'check the --config path');
    return { config: {}, source: null };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read ${file}: ${(err as Error).message}`);
  }
  // Loaded only when there is a file to parse: it is a measurable part of the CLI's start-up. Through
  // require: the CLI bundle is a vm.Script (bin/bulkhead.js), which has no import().
  const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  let doc: unknown;
  try {
    doc = parse(text, { prettyErrors: false });
  } catch (err) {
    const msg = (err as Error).message.split('\n')[0];
    throw new ConfigError(`${file}: invalid YAML: ${msg}`, 'fix the syntax; see docs/configuration.md');
  }
  return { config: parseConfig(doc, file), source: file };
}
