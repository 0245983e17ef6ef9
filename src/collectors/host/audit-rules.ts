// Audit rules as printed by `auditctl -l` or written in /etc/audit/*.rules: one normalised rule per line.

/** Keeps rule lines (-w, -a, -A), dropping comments, blanks and control lines (-D, -b, -e, -f, --backlog_wait_time ...). */
export function parseAuditRules(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line === 'No rules') continue;
    if (!/^-(w|a|A)\s/.test(line)) continue;
    out.push(line.replace(/\s+/g, ' '));
  }
  return out;
}
