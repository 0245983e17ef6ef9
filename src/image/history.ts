// Recovers Dockerfile instructions from an image's history (`created_by`), so the Dockerfile rules of
// `bulkhead lint` can be replayed on an image whose Dockerfile we do not have. Both builders' shapes:
//   classic: `/bin/sh -c #(nop)  CMD ["sh"]`, `/bin/sh -c apt-get update`, `|2 A=1 B=2 /bin/sh -c make`
//   BuildKit: `RUN /bin/sh -c apt-get update # buildkit`, `COPY . . # buildkit`, `ENV A=1`,
//             `EXPOSE map[8080/tcp:{}]`, `RUN |1 X=y /bin/sh -c make # buildkit`
// Steps that cannot be recovered (e.g. `ADD file:… in /` from a base image's rootfs) are kept as comments so
// line numbers still map to steps.
import type { HistoryStep } from '../facts/image-scan.js';

export interface RecoveredDockerfile {
  /** A Dockerfile: `FROM scratch` then one line per history step (comments for unrecoverable ones). */
  text: string;
  /** For each 1-based line of `text`, the history step index it came from (-1 for the FROM line). */
  stepOfLine: number[];
  /** How many steps became instructions. */
  recovered: number;
}

const KEYWORDS =
  /^(ADD|ARG|CMD|COPY|ENTRYPOINT|ENV|EXPOSE|HEALTHCHECK|LABEL|MAINTAINER|ONBUILD|RUN|SHELL|STOPSIGNAL|USER|VOLUME|WORKDIR)\b/i;
const SHELL_PREFIX = /^(?:\|\d+(?:\s+\S+=\S*)*\s+)?\/bin\/(?:ba)?sh -c\s+/;

/** One history step as a single-line Dockerfile instruction, or null when it cannot be recovered. */
export function instructionOf(createdBy: string): string | null {
  let s = createdBy.trim().replace(/\s+# buildkit$/, '');
  if (s === '') return null;
  const nop = /^\/bin\/sh -c #\(nop\)\s+(.*)$/s.exec(s);
  if (nop) s = (nop[1] ?? '').trim();
  else if (SHELL_PREFIX.test(s)) s = `RUN ${s.replace(SHELL_PREFIX, '')}`;
  else if (/^RUN\s/i.test(s)) s = `RUN ${s.slice(4).trim().replace(SHELL_PREFIX, '')}`;
  if (!KEYWORDS.test(s)) return null;
  // Classic ADD/COPY: `COPY file:abc… in /dst` / `ADD dir:… in /`: the source is a content hash.
  s = s.replace(/^(ADD|COPY)\s+(?:(?:file|dir|multi):\S+|\S+)\s+in\s+(\S+)/i, '$1 <context> $2');
  // The classic builder prints exec forms Go-style, without commas: `CMD ["/bin/sh" "-c" "x"]`.
  const goArray = /^(CMD|ENTRYPOINT|RUN|SHELL|VOLUME)\s+(\[(?:"(?:[^"\\]|\\.)*"\s*)+\])$/i.exec(s);
  if (goArray) s = `${goArray[1]} ${(goArray[2] ?? '').replace(/"\s+"/g, '", "')}`;
  // BuildKit EXPOSE: `EXPOSE map[80/tcp:{} 443/tcp:{}]`.
  const map = /^EXPOSE\s+map\[(.*)\]$/i.exec(s);
  if (map) s = `EXPOSE ${(map[1] ?? '').replace(/:\{\}/g, '').trim()}`;
  // A step is one line: continuations were already joined by the builder; heredoc bodies keep newlines,
  // which the Dockerfile parser reads as a heredoc only when the instruction says so.
  if (s.includes('\n') && !/<<-?['"]?\w+/.test(s)) s = s.replace(/\n/g, ' ');
  return s;
}

/** A Dockerfile recovered from the history, oldest step first. */
export function dockerfileFromHistory(history: readonly HistoryStep[]): RecoveredDockerfile {
  const lines = ['FROM scratch'];
  const stepOfLine = [-1, -1];
  let recovered = 0;
  history.forEach((h, i) => {
    const ins = instructionOf(h.createdBy);
    const text = ins ?? `# not recoverable: ${h.createdBy.replace(/\s+/g, ' ').slice(0, 200)}`;
    if (ins) recovered++;
    for (const l of text.split('\n')) {
      lines.push(l);
      stepOfLine.push(i);
    }
  });
  return { text: `${lines.join('\n')}\n`, stepOfLine, recovered };
}
