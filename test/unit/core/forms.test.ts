/**
 * core/forms.ts: every form a secret may be printed in, checked against the real encoders
 * (Node's, and python3's json.dumps / urllib.parse / html / base64 where python3 exists, GNU
 * base64 and openssl for the wrapped lines), and the report of forms too short to match.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  CORE_KIND,
  CORE_URL_KIND,
  MIN_BASE64_CORE_LENGTH,
  MIN_SECRET_LENGTH,
  base64Core,
  droppedFormsWarning,
  formReport,
  forms,
  jsonEscape,
} from '../../../src/core/forms.js';
import { guardForms } from '../../../src/guard/forms.js';
import { Masker } from '../../../src/core/mask.js';
import { ProcessRunner } from '../../../src/platform/process/runner.js';
import { itIf, itWithTools } from '../../runner/os.js';

const has = (tool: string, arg = '--version'): boolean => spawnSync(tool, [arg], { stdio: 'ignore' }).status === 0;
const python = has('python3');

const awsKey = `wJalr/XUtn+FEMI/K7MDENG+bPxRfiCY${randomBytes(6).toString('hex')}`;
const values = [
  awsKey,
  `pässwörd-ü🔑-秘密-e\u0301-"quoted"-'single'-%41-&<>=`,
  'line-one-aaaa\r\nline-two-bbbb\nline-three-cccc\rline-four',
  `p@ss w0rd'"$(${randomBytes(4).toString('hex')}) \\back/slash`,
  `ctl\u0001\u007f\u2028\u2029\u0085\b\f\t-${randomBytes(4).toString('hex')}`,
  'x'.repeat(60) + randomBytes(40).toString('base64'),
  '~#leading tilde+hash, comma;',
];
const texts = (v: string): string[] => forms(v).map((f) => f.text);

describe('forms of a secret', () => {
  it('holds the value, the trimmed value, each line (CRLF, LF, CR) and its trimmed variant', () => {
    expect(texts('  padded-secret \t')).toEqual(expect.arrayContaining(['  padded-secret \t', 'padded-secret']));
    const f = texts(' line-one-aaaa \r\nline-two-bbbb\nline-three\rline-four');
    expect(f).toEqual(expect.arrayContaining([' line-one-aaaa ', 'line-one-aaaa', 'line-two-bbbb', 'line-three', 'line-four']));
    const kinds = new Map(forms('l1-secret\nl2-secret').map((x) => [x.text, x.kind]));
    expect(kinds.get('l1-secret\nl2-secret')).toBe('value');
    expect(kinds.get('l1-secret')).toBe('a line');
    expect(kinds.get(Buffer.from('l2-secret').toString('base64'))).toBe('base64 of a line');
  });

  it('JSON as JS, Go, PHP, .NET, Newtonsoft, Gson and Java write it', () => {
    for (const v of [...values, 'lone \ud800 surrogate', 'astral 😀 pair']) {
      const f = texts(v);
      expect(f).toContain(JSON.stringify(v).slice(1, -1));
      expect(f).toContain(JSON.stringify(JSON.stringify(v).slice(1, -1)).slice(1, -1));
    }
    const v = 'a/b<c>&d\u00e9\u2028😀"\'+=`';
    const f = texts(v);
    // Go encoding/json: HTML characters and the line separators escaped, lower-case hex
    expect(f).toContain('a/b\\u003cc\\u003e\\u0026d\u00e9\\u2028😀\\"\'+=`');
    // PHP json_encode default: \/ and \uXXXX for non-ASCII (astral as a surrogate pair)
    expect(f).toContain('a\\/b<c>&d\\u00e9\\u2028\\ud83d\\ude00\\"\'+=`');
    // PHP with JSON_UNESCAPED_UNICODE, json-simple
    expect(f).toContain('a\\/b<c>&d\u00e9\u2028😀\\"\'+=`');
    // Jackson ESCAPE_NON_ASCII: upper-case hex
    expect(f).toContain('a/b<c>&d\\u00E9\\u2028\\uD83D\\uDE00\\"\'+=`');
    // .NET System.Text.Json default encoder
    expect(f).toContain('a/b\\u003Cc\\u003E\\u0026d\\u00E9\\u2028\\uD83D\\uDE00\\u0022\\u0027\\u002B=\\u0060');
    // Gson (HTML-safe by default): = and ' too
    expect(f).toContain('a/b\\u003cc\\u003e\\u0026d\u00e9\\u2028😀\\"\\u0027+\\u003d`');
    // Newtonsoft: U+0085 and the separators
    expect(texts('nel\u0085-sep\u2029')).toContain('nel\\u0085-sep\\u2029');
    expect(jsonEscape('\u0001\u001f', { upper: true })).toBe('\\u0001\\u001F');
  });

  it('URL encodings as encodeURIComponent, URLSearchParams and the others write them', () => {
    for (const v of values) {
      const f = texts(v);
      expect(f).toContain(encodeURIComponent(v));
      expect(f).toContain(new URLSearchParams({ k: v }).toString().slice(2));
      expect(f).toContain(encodeURIComponent(v).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
      expect(f).toContain(
        encodeURI(v)
          .replace(/%5B/g, '[')
          .replace(/%5D/g, ']')
          .replace(/[[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
      );
    }
    const f = texts(awsKey);
    expect(f).toContain(awsKey.replace(/\//g, '%2F').replace(/\+/g, '%2B'));
    expect(f).toContain(awsKey.replace(/\+/g, '%2B')); // Python quote keeps /
    expect(f).toContain(awsKey.replace(/\//g, '%2F')); // Go PathEscape keeps +
    expect(f).toContain(awsKey.replace(/\//g, '%2f').replace(/\+/g, '%2b'));
  });

  itIf(python, 'python3 not installed')('matches python3: json.dumps, urllib.parse.quote / quote_plus, html.escape, base64', () => {
    const script = `
import sys, json, base64, html, urllib.parse as u
for v in json.load(sys.stdin):
    b = v.encode('utf-8', 'surrogatepass')
    print(json.dumps([json.dumps(v)[1:-1], json.dumps(v, ensure_ascii=False)[1:-1], u.quote(v), u.quote(v, safe=''), u.quote_plus(v),
        html.escape(v), html.escape(v, quote=False), base64.b64encode(b).decode(), base64.urlsafe_b64encode(b).decode(),
        base64.b64encode(b + b'\\n').decode()]))
`;
    const out = execFileSync('python3', ['-c', script], { input: JSON.stringify(values) })
      .toString()
      .trim()
      .split('\n');
    values.forEach((v, k) => {
      const f = texts(v);
      const theirs = JSON.parse(out[k] ?? '[]') as string[];
      for (const t of theirs) expect(f).toContain(t);
    });
  });

  itIf(has('base64') && has('openssl', 'version'), 'GNU base64 or openssl not installed')(
    'the full lines of base64 wrapped at 76 (GNU base64) and 64 (openssl) columns, of the value with and without a newline',
    () => {
      const v = values[5] ?? '';
      const f = texts(v);
      const outputs = [
        execFileSync('base64', { input: `${v}\n` }).toString(),
        execFileSync('base64', { input: v }).toString(),
        execFileSync('openssl', ['base64'], { input: `${v}\n` }).toString(),
        execFileSync('openssl', ['base64'], { input: v }).toString(),
      ];
      for (const o of outputs) {
        const lines = o.trim().split('\n');
        expect(lines.length).toBeGreaterThan(1);
        for (const l of lines) if (l.length >= MIN_BASE64_CORE_LENGTH) expect(f).toContain(l);
      }
    },
  );

  it('base64 and base64url cores for a value inside longer base64 text, at each alignment', () => {
    for (const v of values) {
      const f = texts(v);
      const raw = Buffer.from(v);
      for (const pre of ['', 'u', 'us', 'user:', 'user:p', '{"auths":{"r":{"auth":"']) {
        for (const post of ['', '@', '"}}}']) {
          const whole = Buffer.concat([Buffer.from(pre), raw, Buffer.from(post)]);
          const core = base64Core(raw, (pre.length % 3) as 0 | 1 | 2);
          expect(whole.toString('base64')).toContain(core);
          expect(f).toContain(core);
          expect(f).toContain(base64Core(raw, (pre.length % 3) as 0 | 1 | 2, true));
          expect(whole.toString('base64url')).toContain(base64Core(raw, (pre.length % 3) as 0 | 1 | 2, true));
        }
      }
      expect(f).toContain(raw.toString('base64url'));
      expect(f).toContain(raw.toString('base64').replace(/=+$/, ''));
    }
  });

  it("GitHub's runner encoders, shell quoting and HTML escapes", () => {
    const v = `say "hi" & it's <b>ok</b>&+Xrest-of-it`;
    const f = texts(v);
    expect(f).toContain(v.replace(/"/g, '\\"'));
    expect(f).toContain(v.replace(/'/g, "''"));
    expect(f).toContain(v.replace(/'/g, `'\\''`));
    expect(f).toContain('say &quot;hi&quot; &amp; it&apos;s &lt;b&gt;ok&lt;/b&gt;&amp;+Xrest-of-it');
    expect(f).toContain('say &#34;hi&#34; &amp; it&#39;s &lt;b&gt;ok&lt;/b&gt;&amp;+Xrest-of-it');
    expect(f).toContain('say &quot;hi&quot; &amp; it&#x27;s &lt;b&gt;ok&lt;/b&gt;&amp;+Xrest-of-it');
    expect(f).toContain('say &quot;hi&quot; &amp; it&#039;s &lt;b&gt;ok&lt;/b&gt;&amp;+Xrest-of-it');
    expect(f).toContain(`say "hi" & it's <b>ok</b>&+`); // PowerShell sections
    expect(f).toContain('rest-of-it');
    expect(texts('"quoted-value"')).toContain('quoted-value');
    expect(texts("'quoted-value'")).toContain('quoted-value');
  });

  itWithTools('bash')('bash printf %q', () => {
    for (const v of [values[3] ?? '', values[6] ?? '', values[1] ?? '', awsKey]) {
      const q = execFileSync('bash', ['-c', 'printf %q "$S"'], { env: { S: v, LANG: 'C.UTF-8', PATH: process.env['PATH'] ?? '' } }).toString();
      expect(texts(v)).toContain(q);
    }
  });

  it('keeps only forms safe to match, and reports what it dropped without the value', () => {
    expect(MIN_SECRET_LENGTH).toBe(4);
    expect(MIN_BASE64_CORE_LENGTH).toBe(8);
    for (const v of values) {
      for (const f of forms(v)) {
        if (f.kind.startsWith('base64 inside') || f.kind.startsWith('base64url inside')) expect(f.text.length).toBeGreaterThanOrEqual(MIN_BASE64_CORE_LENGTH);
        else expect(f.text.replace(/\s/g, '').length).toBeGreaterThanOrEqual(MIN_SECRET_LENGTH);
      }
    }
    // 7 bytes and more: all six cores; shorter: some are dropped, and the report says so
    expect(formReport('abcdefg').dropped).toEqual([]);
    expect(forms('abcdefg').filter((f) => f.kind === CORE_KIND)).toHaveLength(3);
    const short = formReport('s3cr3t');
    expect(short.dropped).toEqual([{ kind: CORE_KIND, length: 7, need: 8 }]);
    const warning = droppedFormsWarning(short.dropped, 'in $DB_PASS') ?? '';
    expect(warning).toMatch(/base64 form of the secret in \$DB_PASS is too short to be redacted inside longer base64 text/);
    expect(warning).not.toContain('s3cr3t');
    // lines too short to redact on their own; punctuation lines are not worth a word
    const lines = formReport('{\n  "k": "abcdefgh",\n  x1\n}');
    expect(lines.dropped.filter((d) => d.kind === 'a line')).toHaveLength(1);
    expect(droppedFormsWarning(lines.dropped, 'CFG')).toMatch(/a line of the secret CFG is shorter than 4 characters/);
    expect(formReport('a  b').forms).toEqual([]);
    expect(droppedFormsWarning(formReport('a  b').dropped, 'X')).toMatch(/X has fewer than 4 characters besides spaces/);
    expect(droppedFormsWarning(formReport(awsKey).dropped, 'X')).toBeUndefined();
  });

  it('the leak guard records the same forms, with their kinds, and no PEM armour', () => {
    const pem = `-----BEGIN PRIVATE KEY-----\n${randomBytes(48).toString('base64')}\n-----END PRIVATE KEY-----`;
    const g = guardForms(pem);
    const all = forms(pem);
    const kinds = new Map(all.map((x) => [x.text, x.kind]));
    // the guard names a core base64 (or base64url), as its reports always did
    for (const x of g) expect(kinds.get(x.bytes.toString())?.replace(CORE_KIND, 'base64').replace(CORE_URL_KIND, 'base64url')).toBe(x.kind);
    const recorded = new Set(g.map((x) => x.bytes.toString()));
    for (const x of all) if (!x.kind.endsWith('a line') && !x.kind.startsWith('a PowerShell')) expect(recorded.has(x.text)).toBe(true);
    const armourForms = forms('-----BEGIN PRIVATE KEY-----').map((x) => x.text);
    for (const t of armourForms) expect(recorded.has(t)).toBe(false);
    expect(g.some((x) => x.bytes.toString() === '-----BEGIN PRIVATE KEY-----')).toBe(false);
    expect(g.find((x) => x.bytes.toString() === pem)?.kind).toBe('value');
    expect(guardForms(awsKey).map((x) => x.kind)).toEqual(
      expect.arrayContaining(['value', 'base64', 'base64 with a newline', 'URL-encoded', 'JSON-escaped (PHP)']),
    );
  });

  it('the masker warns once per secret about what it cannot redact, naming it, never the value', () => {
    const told: string[] = [];
    const m = new Masker({ warn: (w) => told.push(w) });
    m.register('s3cr3t', 'in $DB_PASS');
    m.register('s3cr3t', 'in $DB_PASS');
    m.register(awsKey, 'in $AWS_SECRET_ACCESS_KEY');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/base64 form of the secret in \$DB_PASS is too short/);
    expect(told.join('')).not.toContain('s3cr3t');
    // the process runner (GitLab, CLI) prints it as a warning
    const lines: string[] = [];
    const r = new ProcessRunner({ action: 't', inputs: new Map(), env: {}, write: (t) => lines.push(t) });
    r.secret('pw-12', 'PASSWORD');
    r.info('pw-12 and pw-12');
    expect(lines.join('')).toMatch(/^warning: the base64 form of the secret PASSWORD is too short to be redacted inside longer base64 text/);
    expect(lines.join('')).toContain('*** and ***');
    expect(lines.join('')).not.toContain('pw-12');
  });
});
