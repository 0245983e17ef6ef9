import { defineCheck, practice } from '../../core/model.js';
import { at } from './_c-context.js';
import { shippedMatching } from './_c-shipped.js';
import { finding, verdict } from './_lib.js';

const TOOLS = new Set([
  'build-essential',
  'build-base',
  'make',
  'cmake',
  'ninja-build',
  'autoconf',
  'automake',
  'libtool',
  'gcc-c++',
  'golang',
  'golang-go',
  'go',
  'rust',
  'rustc',
  'cargo',
  'development tools',
  '@development-tools',
]);
/** Compilers with an optional version suffix: gcc-12, g++-13, clang-17. */
const COMPILER = /^(?:gcc|g\+\+|clang|llvm|gfortran)(?:-\d+)?$/;
const isTool = (n: string) => TOOLS.has(n) || COMPILER.test(n);

export default defineCheck({
  id: 'BH-DKF-052',
  slug: 'build-tools-shipped',
  title: 'Compilers and build tools are not left in the final image',
  severity: 'low',
  scope: 'dockerfile',
  facts: ['dockerfiles'],
  rationale:
    'A compiler and make in the runtime image let an intruder build exploits and tools in place, and add hundreds of megabytes and their CVEs. Build in a builder stage and copy only the artefacts, or remove the build dependencies in the same RUN (`apk add --virtual .build-deps … && apk del .build-deps`, `apt-get purge --auto-remove`). Judged on the final stage and the stages it is built FROM; packages removed later in the build pass.',
  remediation:
    'Use a multi-stage build:\n\n```dockerfile\nFROM golang:1.23 AS build\nRUN go build -o /out/app ./cmd/app\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n```\n\nor remove build deps in the same RUN:\n\n```dockerfile\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev \\\n && pip install --no-cache-dir -r requirements.txt \\\n && apk del .build-deps\n```',
  refs: [practice('P-CTR-1')],
  evaluate: (df) =>
    verdict(
      shippedMatching(df, isTool).map(({ pc, ops }) =>
        finding(
          df,
          pc.ins,
          `build tools installed in the final image: ${pc.tool} ${pc.verb} ${ops.map((o) => o.word.value).join(' ')}`,
          at(
            pc,
            ops.map((o) => o.word),
          ),
        ),
      ),
      'no compiler or build tool is installed in the final image',
    ),
});
