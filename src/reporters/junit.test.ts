import { describe, expect, it } from 'vitest';
import { referenceReport } from '../../test/fixtures/reports/reference-report.js';
import { parseXml, type XmlElement } from '../../test/fixtures/reports/xml.js';
import type { Report, Result } from '../core/report.js';
import { renderJunit, xmlAttr, xmlText } from './junit.js';

const out = renderJunit(referenceReport);
const root = parseXml(out);
const suite = (name: string) => root.children.find((s) => s.name === 'testsuite' && s.attrs.name === name)!;
const cases = (s: XmlElement) => s.children.filter((c) => c.name === 'testcase');
const child = (c: XmlElement, name: string) => c.children.find((x) => x.name === name);

describe('the test XML reader', () => {
  it.each([
    ['<a><b></a></b>', /does not match/],
    ['<a><b></b>', /unclosed <a>/],
    ['<a>x < y</a>', /expected a name|raw "<"/],
    ['<a>fish & chips</a>', /unterminated entity|unknown entity/],
    ['<a t="1" t="2"/>', /duplicate attribute/],
    ['<a>\u0007</a>', /not allowed in XML/],
    ['<a/><b/>', /content after the root/],
  ])('rejects %j', (xml, error) => {
    expect(() => parseXml(xml)).toThrow(error);
  });

  it('reads entities in text and attributes', () => {
    expect(parseXml('<a t="&lt;&quot;&#10;">&amp;&#x41;</a>')).toEqual({
      name: 'a',
      attrs: { t: '<"\n' },
      children: [],
      text: '&A',
    });
  });
});

describe('renderJunit', () => {
  it('is well-formed XML with a declaration and a testsuites root', () => {
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(out.endsWith('</testsuites>\n')).toBe(true);
    expect(root.name).toBe('testsuites');
  });

  it('counts everything at the root', () => {
    expect(root.attrs).toEqual({
      name: 'bulkhead',
      tests: '22',
      failures: '11',
      errors: '0',
      skipped: '4',
      time: '1.834',
      timestamp: '2026-11-28T12:00:00',
    });
  });

  it('has one testsuite per scope with results, in scope order', () => {
    expect(root.children.map((s) => s.attrs.name)).toEqual([
      'Host',
      'Daemon',
      'Containers',
      'Images',
      'Networks',
    ]);
  });

  it.each([
    ['Host', 6, 3, 1],
    ['Daemon', 3, 2, 1],
    ['Containers', 9, 4, 2],
    ['Images', 3, 2, 0],
    ['Networks', 1, 0, 0],
  ])(
    '%s suite: %i tests, %i failures, %i skipped — attributes match the testcases',
    (name, tests, failures, skipped) => {
      const s = suite(name);
      expect(s.attrs).toMatchObject({
        tests: String(tests),
        failures: String(failures),
        skipped: String(skipped),
        errors: '0',
        timestamp: '2026-11-28T12:00:00',
        hostname: 'docker-prod-01',
      });
      const cs = cases(s);
      expect(cs).toHaveLength(tests);
      expect(cs.filter((c) => child(c, 'failure'))).toHaveLength(failures);
      expect(cs.filter((c) => child(c, 'skipped'))).toHaveLength(skipped);
    },
  );

  it('names each testcase by check id and title plus subject', () => {
    const names = cases(suite('Containers')).map((c) => [c.attrs.classname, c.attrs.name]);
    expect(names).toContainEqual(['BH-CTR-001', 'Container is not privileged (container web)']);
    expect(names).toContainEqual(['BH-CTR-001', 'Container is not privileged (container søren-worker-日本)']);
    expect(names).toContainEqual([
      'BH-CTR-010',
      "Container does not share the host's network namespace (container db)",
    ]);
    expect(out).toContain('name="Container does not share the host&apos;s network namespace (container db)"');
  });

  it('puts the severity as failure type and the evidence in message and body', () => {
    const tc = cases(suite('Daemon')).find((c) => c.attrs.classname === 'BH-DMN-005')!;
    const f = child(tc, 'failure')!;
    expect(f.attrs.type).toBe('critical');
    expect(f.attrs.message).toBe(
      'Engine 27.1.0 is affected by CVE-2024-41110 (AuthZ bypass, fixed in 27.1.1); Engine 27.1.0 is affected by CVE-2026-34040 (AuthZ bypass > 1 MiB body, fixed in 29.3.1)',
    );
    expect(f.text).toContain('subject: daemon unix:///var/run/docker.sock');
    expect(f.text).toContain('remediation: Upgrade Docker Engine to 29.3.1 or later');
    expect(f.text).toContain('refs: P-ENG-1, CVE-2024-41110, CVE-2026-34040');
  });

  it('escapes markup and strips control characters from evidence', () => {
    const tc = cases(suite('Containers')).find(
      (c) => c.attrs.classname === 'BH-CTR-006' && c.attrs.name!.endsWith('(container web)'),
    )!;
    const f = child(tc, 'failure')!;
    expect(f.text).toContain('label note="<b>mount</b> & \'keep\' [31mred[0m\nsecond line"');
    expect(f.attrs.message).toContain('[31mred[0m\nsecond line');
    expect(out).toContain("label note=\"&lt;b&gt;mount&lt;/b&gt; &amp; 'keep'");
    expect(out).not.toContain('\u001b');
  });

  it('reports suppressed and unknown results as skipped with their reason', () => {
    const host = cases(suite('Host')).find((c) => c.attrs.classname === 'BH-HST-020')!;
    expect(child(host, 'skipped')!.attrs.message).toBe(
      'suppressed: auditd is managed by the SIEM team <secops@example.com> & reviewed quarterly (until 2027-03-31)',
    );
    const dmn = cases(suite('Daemon')).find((c) => c.attrs.classname === 'BH-DMN-010')!;
    expect(child(dmn, 'skipped')!.attrs.message).toBe(
      'unknown: SecurityOptions lacks "name=userns" and /etc/subuid could not be read: EACCES',
    );
    expect(child(dmn, 'failure')).toBeUndefined();
  });

  it('writes passes as empty testcases', () => {
    const net = cases(suite('Networks'))[0]!;
    expect(net.attrs.name).toBe('Containers use user-defined networks (network app_default)');
    expect(net.children).toEqual([]);
  });

  it('carries target facts as suite properties', () => {
    const props = child(suite('Host'), 'properties')!.children.map((p) => [p.attrs.name, p.attrs.value]);
    expect(props).toEqual([
      ['bulkhead.version', '0.1.0'],
      ['docker.endpoint', 'unix:///var/run/docker.sock'],
      ['docker.engineVersion', '27.1.0'],
    ]);
  });

  it('is well-formed for an empty report and for hostile names', () => {
    const empty = parseXml(renderJunit({ ...referenceReport, results: [] }));
    expect(empty.attrs.tests).toBe('0');
    expect(empty.children).toEqual([]);
    const hostile: Result = {
      ...referenceReport.results[0]!,
      title: 'a "quoted" <title> & \'more\'',
      subject: { kind: 'container', name: ']]></testcase><x a="\u0000' },
      evidence: [{ message: '\ud800 lone surrogate \uffff and\ttab' }],
    };
    const report: Report = {
      ...referenceReport,
      target: { ...referenceReport.target, hostName: null },
      results: [hostile],
    };
    const x = parseXml(renderJunit(report));
    const tc = x.children[0]!.children.find((c) => c.name === 'testcase')!;
    expect(tc.attrs.name).toBe('a "quoted" <title> & \'more\' (container ]]></testcase><x a=")');
    expect(child(tc, 'failure')!.attrs.message).toBe(' lone surrogate  and\ttab');
    expect(x.children[0]!.attrs.hostname).toBe('localhost');
  });

  it.each([
    ['a & b', 'a &amp; b', 'a &amp; b'],
    ['<x>', '&lt;x&gt;', '&lt;x&gt;'],
    ['"q" \'a\'', '"q" \'a\'', '&quot;q&quot; &apos;a&apos;'],
    ['l1\nl2', 'l1\nl2', 'l1&#10;l2'],
    ['bell\u0007 esc\u001b nul\u0000', 'bell esc nul', 'bell esc nul'],
    ['日本 ✓ 😀', '日本 ✓ 😀', '日本 ✓ 😀'],
  ])('escapes %j', (input, text, attr) => {
    expect(xmlText(input)).toBe(text);
    expect(xmlAttr(input)).toBe(attr);
  });
});
