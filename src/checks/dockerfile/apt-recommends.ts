import { defineCheck, practice, url } from '../../core/model.js';
import { at, configBefore } from './_c-context.js';
import { type PkgCommand, packageCommands, show } from './_c-packages.js';
import { finding, verdict } from './_lib.js';

const OFF = /^(?:0|no|false|off)$/i;
const CONF_OFF = /APT::Install-Recommends\s*"?\s*(?:0|no|false|off)\b/i;
const APT_CONF = ['/etc/apt/apt.conf'];

/** `--no-install-recommends`, `--install-recommends=no`, `-o APT::Install-Recommends=false`, aptitude's -R. */
function offByOption(pc: PkgCommand): boolean {
  return pc.options.some((o) => {
    if (o.name === '--no-install-recommends') return true;
    if (o.name === '--install-recommends') return o.value !== null && OFF.test(o.value);
    if (pc.tool === 'aptitude' && (o.name === '-R' || o.name === '--without-recommends')) return true;
    if ((o.name === '-o' || o.name === '--option') && o.value !== null) {
      const eq = o.value.indexOf('=');
      return (
        eq > 0 &&
        o.value.slice(0, eq).trim().toLowerCase() === 'apt::install-recommends' &&
        OFF.test(o.value.slice(eq + 1).trim())
      );
    }
    return false;
  });
}

export default defineCheck({
  id: 'BH-DKF-049',
  slug: 'apt-recommends',
  title: 'apt-get install uses --no-install-recommends',
  severity: 'low',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'By default apt also installs every "Recommends" of the requested packages: often dozens of packages (editors, mail agents, X11 libraries) that the workload never uses but that grow the image and its attack surface. Turning recommends off per install or once in an apt.conf.d file written earlier in the build avoids them. hadolint DL3015; Trivy DS029.',
  remediation:
    'Add the option, or configure it once:\n\n```dockerfile\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n# or\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99no-recommends\n```',
  refs: [practice('P-CTR-1'), url('https://github.com/hadolint/hadolint/wiki/DL3015')],
  evaluate: (df) => {
    const found = [];
    for (const pc of packageCommands(df)) {
      if (pc.family !== 'apt' || pc.action !== 'install' || pc.verb === 'build-dep') continue;
      if (offByOption(pc)) continue;
      const conf = configBefore(df, pc, APT_CONF);
      if (conf.opaque || CONF_OFF.test(conf.text)) continue;
      found.push(
        finding(df, pc.ins, `${pc.tool} ${pc.verb} without --no-install-recommends: ${show(pc.cmd)}`, at(pc)),
      );
    }
    return verdict(found, 'every apt install leaves recommended packages out');
  },
});
