/**
 * Every prefixed-token rule finds its token wherever the token's own format ends it: alone,
 * quoted, in a URL's userinfo, before `: @ . / %2F # =`, at a sentence's end, in config files,
 * shell, CLI flags, source strings and heredocs; and never when the token is glued inside a longer
 * run of its own alphabet. The fake tokens are synthesised at run time from each rule's sample
 * shape, so this file holds no secret-shaped literal.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { createScanner, type LoadedScanner } from '../../../src/scanner/engine.js';
import type { RuleDef } from '../../../src/scanner/rules/build.js';
import { DEFAULT_RULE_DEFS } from '../../../src/scanner/rules/index.js';

function rand(chars: string, n: number, seed: string): string {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  let out = '';
  for (let i = 0; i < n; i++) {
    h = (Math.imul(h, 1103515245) + 12345) >>> 0;
    out += chars[(h >>> 8) % chars.length];
  }
  return out;
}

/** The token rules: a token, then the end its alphabet gives it: `(?:[^A-Za-z0-9<punctuation>]|$)`. */
const TOKEN_END = /\(\?:\[\^A-Za-z0-9([^\]]*)\]\|\$\)$/;
const tokenRules = DEFAULT_RULE_DEFS.filter((d) => d.sample && (d.sample.kv === undefined || d.sample.kv === '') && TOKEN_END.test(d.regex ?? ''));
/** The punctuation of a rule's token alphabet, read from its end class. */
const punctuationOf = (d: RuleDef): string => (TOKEN_END.exec(d.regex ?? '')?.[1] ?? '').replace(/\\(.)/g, '$1');

function fakeToken(d: RuleDef): string {
  const s = d.sample as NonNullable<RuleDef['sample']>;
  return s.prefix + rand(s.chars, s.len, d.id) + (s.suffix ?? '');
}

/** A context: a file path, the text around the token and the character that follows it ('' = none). */
interface Context {
  name: string;
  path: string;
  text: (t: string) => string;
  next: string;
}
const C = (name: string, path: string, text: (t: string) => string, next: string): Context => ({ name, path, text, next });
const CONTEXTS: Context[] = [
  C('alone', 'notes.txt', (t) => t, ''),
  C('alone on a line', 'notes.txt', (t) => `first line\n${t}\nlast line\n`, '\n'),
  C('single-quoted', 'notes.txt', (t) => `value '${t}'\n`, "'"),
  C('double-quoted', 'notes.txt', (t) => `value "${t}"\n`, '"'),
  C('URL userinfo, token alone', 'notes.txt', (t) => `git clone https://${t}@git.example.org/o/r.git\n`, '@'),
  C('URL userinfo, token as password', 'notes.txt', (t) => `https://oauth2:${t}@git.example.org/o/r.git\n`, '@'),
  C('URL userinfo, token as user', 'notes.txt', (t) => `https://${t}:x-oauth-basic@git.example.org/o/r\n`, ':'),
  C('before :', 'notes.txt', (t) => `${t}:rest\n`, ':'),
  C('before @', 'notes.txt', (t) => `${t}@host\n`, '@'),
  C('before .', 'notes.txt', (t) => `${t}.next\n`, '.'),
  C('before /', 'notes.txt', (t) => `Credential=${t}/20240101/us-east-1/s3/aws4_request\n`, '/'),
  C('before %2F', 'notes.txt', (t) => `https://b.example.org/k?X-Amz-Credential=${t}%2F20240101%2Fus-east-1\n`, '%'),
  C('before #', 'notes.txt', (t) => `${t}#frag\n`, '#'),
  C('before =', 'notes.txt', (t) => `${t}=1\n`, '='),
  C('end of a sentence', 'notes.md', (t) => `The token is ${t}. Rotate it.\n`, '.'),
  C('JSON', 'config.json', (t) => `{\n  "token": "${t}",\n  "n": 1\n}\n`, '"'),
  C('YAML', 'config.yml', (t) => `deploy:\n  token: ${t}\n  other: 1\n`, '\n'),
  C('XML', 'config.xml', (t) => `<config><token>${t}</token></config>\n`, '<'),
  C('.env', '.env', (t) => `API_TOKEN=${t}\n`, '\n'),
  C('shell export', 'run.sh', (t) => `export API_TOKEN=${t}\n./deploy\n`, '\n'),
  C('CLI flag, space', 'run.sh', (t) => `tool login --token ${t} --yes\n`, ' '),
  C('CLI flag, =', 'run.sh', (t) => `tool login --token=${t}\n`, '\n'),
  C('Python string', 'app.py', (t) => `client = Client(token="${t}")\n`, '"'),
  C('JS string', 'app.js', (t) => `const client = new Client({ token: '${t}' });\n`, "'"),
  C('Go string', 'main.go', (t) => `client := api.New("${t}")\n`, '"'),
  C('Java string', 'App.java', (t) => `String token = "${t}";\n`, '"'),
  C('C# string', 'App.cs', (t) => `var token = @"${t}";\n`, '"'),
  C('heredoc', 'run.sh', (t) => `cat > creds <<EOF\n${t}\nEOF\n`, '\n'),
];

let scanner: LoadedScanner;
beforeAll(async () => {
  scanner = await createScanner({});
});

const secretsOf = (d: RuleDef, path: string, text: string): string[] =>
  scanner
    .scan({ path, text })
    .filter((f) => f.ruleId === d.id)
    .map((f) => f.secret);

describe('the token rules are recognised', () => {
  it('at least a hundred prefixed-token rules, each ending where its alphabet ends', () => {
    expect(tokenRules.length).toBeGreaterThanOrEqual(100);
  });
});

describe.each(tokenRules.map((d) => [d.id, d] as const))('%s', (_id, d) => {
  const value = fakeToken(d);
  const alphabet = punctuationOf(d);
  // a context whose next character belongs to the token's own alphabet does not end the token
  const where = CONTEXTS.filter((c) => !(c.next && alphabet.includes(c.next)));
  it.each(where.map((c) => [c.name, c] as const))('is found with the right secret: %s', (_name, c) => {
    expect(secretsOf(d, c.path, c.text(value))).toContain(value);
  });
  it('is not found glued inside a longer run of its alphabet', () => {
    const glue = 'Zq7';
    for (const text of [`${glue}${value}`, `x = "${glue}${value}"\n`]) expect(secretsOf(d, 'notes.txt', text)).toEqual([]);
    // glued after: either nothing, or the whole run (never the token cut out of it)
    for (const text of [`${value}${glue}`, `x = "${value}${glue} "\n`]) for (const s of secretsOf(d, 'notes.txt', text)) expect(s.endsWith(glue)).toBe(true);
  });
});

describe('vault-service-token, legacy form', () => {
  const legacy = `s.${rand('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 24, 'vault-legacy')}`;
  const vault = DEFAULT_RULE_DEFS.find((d) => d.id === 'vault-service-token') as RuleDef;
  it('finds a quoted legacy token', () => {
    expect(secretsOf(vault, 'notes.txt', `VAULT_TOKEN="${legacy}"\n`)).toEqual([legacy]);
  });
  it('keeps the closing list for it: a minified method call is not a token', () => {
    expect(secretsOf(vault, 'app.min.js', `f=function(e,t){e&&(${legacy}(e,t))}\n`)).toEqual([]);
  });
});
