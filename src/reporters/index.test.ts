import { describe, expect, it } from 'vitest';
import { referenceChecks, referenceReport } from '../../test/fixtures/reports/reference-report.js';
import { FORMATS, isFormat, render } from './index.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderSarif } from './sarif.js';
import { renderTerminal } from './terminal.js';

describe('render', () => {
  it('knows the four formats', () => {
    expect(FORMATS).toEqual(['terminal', 'json', 'sarif', 'junit']);
    expect(isFormat('sarif')).toBe(true);
    expect(isFormat('html')).toBe(false);
  });

  it.each([
    ['terminal', () => renderTerminal(referenceReport, { color: false, verbose: true, width: 72 })],
    ['json', () => renderJson(referenceReport)],
    ['sarif', () => renderSarif(referenceReport, referenceChecks)],
    ['junit', () => renderJunit(referenceReport)],
  ] as const)('dispatches %s to its reporter with the options', (format, direct) => {
    expect(render(format, referenceReport, referenceChecks, { color: false, verbose: true, width: 72 })).toBe(
      direct(),
    );
  });

  it('renders the terminal format without colour unless asked', () => {
    expect(render('terminal', referenceReport, referenceChecks)).not.toContain('\u001b[');
    expect(render('terminal', referenceReport, referenceChecks, { color: true })).toContain('\u001b[');
  });

  it('is deterministic', () => {
    for (const f of FORMATS) {
      expect(render(f, referenceReport, referenceChecks)).toBe(render(f, referenceReport, referenceChecks));
    }
  });
});
