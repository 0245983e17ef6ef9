// The reporters: pure functions from a report to text. The shells choose one and write its output.
import type { CheckMeta } from '../core/model.js';
import type { Report } from '../core/report.js';
import { renderJson, renderJsonChunks } from './json.js';
import { renderJunit } from './junit.js';
import { renderSarif, type SarifOptions } from './sarif.js';
import { renderTerminal } from './terminal.js';

export const FORMATS = ['terminal', 'json', 'sarif', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export const isFormat = (s: string): s is Format => (FORMATS as readonly string[]).includes(s);

/** The usual file extension for each format, for shells that name output files. */
export const FORMAT_EXTENSIONS: Record<Format, string> = {
  terminal: 'txt',
  json: 'json',
  sarif: 'sarif',
  junit: 'xml',
};

export interface RenderOptions {
  /** Terminal: ANSI colours. */
  color?: boolean;
  /** Terminal: list passing results too. */
  verbose?: boolean;
  /** Terminal: wrap width in columns. */
  width?: number;
  /** Terminal: linted files' text by path, for code frames. */
  sources?: ReadonlyMap<string, string>;
  sarif?: SarifOptions;
}

export function render(
  format: Format,
  report: Report,
  checks: readonly CheckMeta[],
  opts: RenderOptions = {},
): string {
  switch (format) {
    case 'terminal':
      return renderTerminal(report, {
        color: opts.color ?? false,
        ...(opts.verbose !== undefined ? { verbose: opts.verbose } : {}),
        ...(opts.width !== undefined ? { width: opts.width } : {}),
        ...(opts.sources ? { sources: opts.sources } : {}),
      });
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, checks, opts.sarif);
    case 'junit':
      return renderJunit(report);
  }
}

/** The same text as render, in pieces: JSON reports are produced a result at a time, others whole. */
export function renderChunks(
  format: Format,
  report: Report,
  checks: readonly CheckMeta[],
  opts: RenderOptions = {},
): Iterable<string> {
  return format === 'json' ? renderJsonChunks(report) : [render(format, report, checks, opts)];
}

export { progressLine, type TerminalOptions } from './terminal.js';
export type { SarifOptions };
export { renderJson, renderJsonChunks, renderJunit, renderSarif, renderTerminal };
