import { defineCheck, notApplicable, pass, practice, unknown, url } from '../../core/model.js';
import { finalUser, isRootUser, userText } from './_a-runtime.js';
import { finding } from './_lib.js';

const NUMERIC = /^\d+$/;

export default defineCheck({
  id: 'BH-DKF-008',
  slug: 'user-numeric',
  title: 'The final USER is numeric',
  severity: 'info',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'Kubernetes `runAsNonRoot: true` reads the image config and refuses to start a container whose USER is a name ("image has non-numeric user (app), cannot verify user is non-root"); admission policies (Pod Security "restricted", Kyverno, Gatekeeper) cannot verify it either. A UID also needs no /etc/passwd lookup, which distroless and scratch images lack. Root and a missing USER are BH-DKF-005\'s finding. Equivalent: Dockle CIS-DI-0001 hint, Kubernetes Pod Security docs.',
  remediation: 'Use the UID (and GID) instead of the name: `USER 10001:10001` rather than `USER app`.',
  refs: [
    practice('P-KER-3'),
    url('https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context-1'),
  ],
  evaluate: (df) => {
    const u = finalUser(df);
    if (u === null || isRootUser(u.user))
      return notApplicable('the final user is root or unset (BH-DKF-005)');
    if (u.dynamic) return unknown(`the final USER is only known at build time: USER ${u.ins.args}`);
    if (NUMERIC.test(u.user)) return pass(`final USER is numeric: ${userText(u)}`);
    return finding(df, u.ins, `final USER is a name, runAsNonRoot cannot verify it: ${userText(u)}`);
  },
});
