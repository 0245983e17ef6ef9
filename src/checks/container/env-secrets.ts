import { defineCheck, fail, pass, practice } from '../../core/model.js';

/** Variable names that conventionally carry credentials. */
const SECRET_NAME =
  /(PASSWORD|PASSWD|(^|_)PASS$|_PWD$|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?$|AUTH_?KEY|CLIENT_SECRET|CONNECTION_?STRING|DSN$)/i;
/** *_FILE variables point at a mounted secret (the official images' convention): that is the fix, not the problem. */
const POINTER = /_(FILE|PATH|DIR)$/i;
/** Settings about secrets rather than secrets: PASSWORD_MIN_LENGTH, TOKEN_TTL, API_KEY_HEADER, AWS_ACCESS_KEY_ID... */
const ABOUT_A_SECRET =
  /_(LENGTH|LEN|MIN|MAX|POLICY|ENABLED|DISABLED|REQUIRED|EXPIRY|EXPIRES|TTL|TIMEOUT|URL|URI|ENDPOINT|HEADER|TYPE|ALGORITHM|ALG|ROTATION|ID)$/i;
const NOT_A_SECRET_VALUE = /^(true|false|yes|no|on|off|none|null|\d{1,3})$/i;
/** A URL with user:password@ embeds a credential whatever the variable is called. */
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i;

export default defineCheck({
  id: 'BH-CTR-037',
  slug: 'env-secrets',
  title: 'No secret is passed in a plain environment variable',
  severity: 'high',
  scope: 'container',
  facts: ['containers'],
  rationale:
    'Environment variables are visible to anyone who can inspect the container, are copied into every child process, and end up in logs, crash reports and `docker inspect` output; secrets in them leak easily. Build args (compose `build.args`) are recorded in the image history of every image built with them, readable by anyone who can pull it.',
  remediation:
    "Pass secrets as files: Docker/compose secrets (`secrets:` mounted at /run/secrets/<name>) and the image's `*_FILE` variables, e.g. `POSTGRES_PASSWORD_FILE=/run/secrets/db_password`; at build time use BuildKit secrets (`build.secrets` and `RUN --mount=type=secret`) instead of build args.",
  refs: [practice('P-IMG-5')],
  evaluate: (c) => {
    const findings = [...judge(c.spec.env, ''), ...judge(c.spec.buildArgs ?? [], 'build arg ')];
    if (findings.length > 0) return fail(findings);
    return pass(
      c.spec.buildArgs?.length
        ? 'no credential-like environment variable or build arg is set'
        : 'no credential-like environment variable is set',
    );
  },
});

/** "NAME=value" entries that look like credentials; evidence names the variable only, never the value. */
function judge(entries: readonly string[], prefix: string): string[] {
  const out: string[] = [];
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq <= 0) continue;
    const name = entry.slice(0, eq);
    const value = entry.slice(eq + 1);
    if (value.trim() === '') continue;
    if (
      SECRET_NAME.test(name) &&
      !POINTER.test(name) &&
      !ABOUT_A_SECRET.test(name) &&
      !NOT_A_SECRET_VALUE.test(value.trim())
    )
      out.push(`${prefix}${name} holds a value that looks like a secret`);
    else if (URL_WITH_PASSWORD.test(value))
      out.push(`${prefix}${name} holds a URL with an embedded password`);
  }
  return out;
}
