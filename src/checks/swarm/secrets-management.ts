import { swarmInactive } from '../../analysis/outcome.js';
import {
  cis,
  defineCheck,
  fail,
  notApplicable,
  type Outcome,
  pass,
  practice,
  unknown,
} from '../../core/model.js';

/** Environment names that usually carry a secret; *_FILE variables point at a file (e.g. a swarm secret). */
const SECRET_NAME = /(pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|credential|access[_-]?key)/i;

export default defineCheck({
  id: 'BH-SWM-004',
  slug: 'secrets-management',
  title: "Swarm services use Docker's secret management for secrets",
  severity: 'medium',
  scope: 'swarm',
  facts: ['daemon', 'swarm'],
  partial: true,
  rationale:
    'Secrets in service environment variables are stored in the service spec, shown by `docker service inspect` and visible to every process in the container; swarm secrets are encrypted in Raft and mounted only into the tasks that need them.',
  remediation:
    'Create the value as a secret (`printf %s "$VALUE" | docker secret create db_password -`) and attach it: `docker service update --secret-add db_password --env-rm DB_PASSWORD <service>`; have the app read /run/secrets/db_password (or a *_FILE variable).',
  refs: [cis('7.4'), practice('P-COM-3')],
  evaluate: (snap) => {
    const off = swarmInactive(snap);
    if (off) return notApplicable(off);
    if (!snap.daemon!.info.swarm.controlAvailable)
      return notApplicable('this node is a swarm worker; services are visible on managers');
    const sw = snap.swarm!;
    if (sw.services.length === 0) return pass('no swarm services');
    const out: Outcome[] = [];
    for (const svc of sw.services) {
      const inline = svc.env
        .map((e) => {
          const eq = e.indexOf('=');
          return { name: eq < 0 ? e : e.slice(0, eq), value: eq < 0 ? '' : e.slice(eq + 1) };
        })
        .filter((e) => SECRET_NAME.test(e.name) && !/_FILE$/i.test(e.name) && e.value !== '');
      const subject = { subject: { kind: 'daemon' as const, name: `service ${svc.name}` } };
      if (inline.length === 0) {
        out.push(
          pass(
            `service ${svc.name}: no secret-like environment variables${svc.secrets.length ? `; secrets ${svc.secrets.join(', ')}` : ''}`,
            subject,
          ),
        );
      } else if (svc.secrets.length === 0) {
        out.push(
          fail(
            inline.map(
              (e) =>
                `service ${svc.name}: env ${e.name} is set inline (value not shown) and the service uses no swarm secrets`,
            ),
            subject,
          ),
        );
      } else {
        out.push(
          unknown(
            `service ${svc.name} uses swarm secrets (${svc.secrets.join(', ')}) but also sets ${inline.map((e) => e.name).join(', ')} inline; review`,
            {
              ...subject,
            },
          ),
        );
      }
    }
    return out;
  },
});
