import { defineCheck, practice, url } from '../../core/model.js';
import { finding, shippedInstructions, verdict } from './_lib.js';

/** `22`, `22/tcp`, `20-25`, `20-25/tcp`; udp/sctp are not ssh. */
const PORT = /^(\d+)(?:-(\d+))?(?:\/(\w+))?$/;

export default defineCheck({
  id: 'BH-DKF-009',
  slug: 'expose-ssh',
  title: 'The image does not expose port 22 (ssh)',
  severity: 'medium',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'EXPOSE 22 advertises an ssh daemon: `docker run -P` publishes it on the host, and an sshd in a container is one more service with credentials to steal and patch. Containers are entered with `docker exec`. Ranges and ARG-expanded ports are read; a port still unknown after expansion is not judged. Only the stages that ship count (EXPOSE is inherited from base stages). Equivalent: Trivy DS004, Checkov CKV_DOCKER_1, KICS "Exposing Port 22 (SSH)".',
  remediation:
    'Remove `EXPOSE 22` (and the sshd behind it); use `docker exec -it <container> sh` to get a shell.',
  refs: [
    practice('P-NET-1'),
    practice('P-CTR-3'),
    practice('P-COM-1'),
    url('https://avd.aquasec.com/misconfig/ds004'),
  ],
  evaluate: (df) => {
    const found = [];
    const unresolved: string[] = [];
    for (const ins of shippedInstructions(df, 'EXPOSE')) {
      for (const w of ins.words) {
        const m = PORT.exec(w);
        if (!m) {
          if (w.includes('$')) unresolved.push(w);
          continue;
        }
        const proto = (m[3] ?? 'tcp').toLowerCase();
        const lo = Number(m[1]);
        const hi = m[2] === undefined ? lo : Number(m[2]);
        if (proto === 'tcp' && lo <= 22 && 22 <= hi)
          found.push(
            finding(
              df,
              ins,
              `port 22 exposed: EXPOSE ${w}${w === ins.args ? '' : ` (in EXPOSE ${ins.args})`}`,
            ),
          );
      }
    }
    const note =
      unresolved.length > 0 ? `; not judged (unknown until build time): ${unresolved.join(', ')}` : '';
    return verdict(found, `port 22 is not exposed${note}`);
  },
});
