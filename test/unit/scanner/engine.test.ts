/**
 * Engine features of gitleaks 8.30 beyond single rules: composite rules ([[rules.required]])
 * reported with their required parts, --enable-rule and paths allowed before reading (the
 * keyword prefilter: test/unit/kernels/keywords.test.ts).
 */
import { describe, expect, it } from '@jest/globals';
import { createScanner } from '../../../src/scanner/engine.js';
import { UserError } from '../../../src/core/errors.js';

function rand(chars: string, n: number, seed: number): string {
  let h = seed >>> 0;
  let out = '';
  for (let i = 0; i < n; i++) {
    h = (Math.imul(h, 1103515245) + 12345) >>> 0;
    out += chars[(h >>> 8) % chars.length];
  }
  return out;
}
const HEXC = '0123456789abcdef';

const COMPOSITE = `
[[rules]]
id = "client-id"
regex = '''cid_([0-9a-f]{16})'''
keywords = ["cid_"]
skipReport = true

[[rules]]
id = "client-secret"
regex = '''csec_([0-9a-f]{32})'''
keywords = ["csec_"]
[[rules.required]]
id = "client-id"
withinLines = 2
`;

describe('composite rules', () => {
  it('reports the primary finding with its required parts nearby; the skipReport part alone is not reported', async () => {
    const s = await createScanner({ configText: COMPOSITE, maxDecodeDepth: 0 });
    const id = 'cid_' + rand(HEXC, 16, 1);
    const sec = 'csec_' + rand(HEXC, 32, 2);
    const [f, ...rest] = s.scan({ text: `a\nid = ${id}\nsecret = ${sec}\n`, path: 'app.env' });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'client-secret', startLine: 3 });
    expect(f?.requiredFindings).toEqual([{ ruleId: 'client-id', startLine: 2, endLine: 2, startColumn: 6, endColumn: 25, match: id, secret: id.slice(4) }]);
    expect(s.scan({ text: `id = ${id}\n`, path: 'app.env' })).toEqual([]);
  });

  it('drops the primary when a required part is missing or too far', async () => {
    const s = await createScanner({ configText: COMPOSITE, maxDecodeDepth: 0 });
    const id = 'cid_' + rand(HEXC, 16, 3);
    const sec = 'csec_' + rand(HEXC, 32, 4);
    expect(s.scan({ text: `secret = ${sec}\n`, path: 'a' })).toEqual([]);
    expect(s.scan({ text: `id = ${id}\n\n\n\nsecret = ${sec}\n`, path: 'a' })).toEqual([]);
  });

  it('carries every required finding within reach, and needs none nearby without withinLines/withinColumns', async () => {
    const cfg = COMPOSITE.replace('withinLines = 2\n', '');
    const s = await createScanner({ configText: cfg, maxDecodeDepth: 0 });
    const ids = ['cid_' + rand(HEXC, 16, 5), 'cid_' + rand(HEXC, 16, 6)];
    const sec = 'csec_' + rand(HEXC, 32, 7);
    const [f] = s.scan({ text: `${ids[0]}\n${'\n'.repeat(50)}${sec}\n${ids[1]}\n`, path: 'a' });
    expect(f?.requiredFindings?.map((r) => r.match)).toEqual(ids);
  });
});

describe('enable-rule', () => {
  it('runs only the named rules', async () => {
    const gh = 'gh' + 'p_' + rand('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 36, 8);
    const slack = 'xo' + 'xb-' + rand('0123456789', 12, 9) + '-' + rand('0123456789', 13, 10) + '-' + rand('abcdefghijklmnopqrstuvwxyzABCDEF', 24, 11);
    const text = `a = "${gh}"\nb = "${slack}"\n`;
    const all = await createScanner({});
    expect(
      all
        .scan({ text, path: 'x' })
        .map((f) => f.ruleId)
        .sort(),
    ).toEqual(['github-pat', 'slack-bot-token']);
    const one = await createScanner({ enableRules: ['slack-bot-token'] });
    expect(one.scan({ text, path: 'x' }).map((f) => f.ruleId)).toEqual(['slack-bot-token']);
    expect(one.ruleIds).toEqual(['slack-bot-token']);
  });

  it('rejects an unknown rule id, naming the input', async () => {
    const e = await createScanner({ enableRules: ['no-such-rule'] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect(String((e as Error).message)).toMatch(/no-such-rule/);
    expect((e as UserError).input).toBe('enable-rule');
  });

  it('a composite rule whose required rule is not enabled reports nothing (as gitleaks)', async () => {
    const s = await createScanner({ configText: COMPOSITE, enableRules: ['client-secret'] });
    const text = `cid_${rand(HEXC, 16, 12)}\ncsec_${rand(HEXC, 32, 13)}\n`;
    expect(s.scan({ text, path: 'a' })).toEqual([]);
  });
});

describe('paths allowed before reading', () => {
  it('answers from the global path allowlists', async () => {
    const s = await createScanner({});
    expect(s.isPathAllowed('node_modules/x/index.js')).toBe(true);
    expect(s.isPathAllowed('web/logo.PNG')).toBe(true);
    expect(s.isPathAllowed('src/index.js')).toBe(false);
    expect(s.isPathAllowed('')).toBe(false);
  });
  it('is false when a path allowlist also needs a commit (condition AND)', async () => {
    const cfg = `[[rules]]\nid = "r"\nregex = '''x'''\n[[allowlists]]\ncondition = "AND"\ncommits = ["abc"]\npaths = ['''\\.txt$''']\n`;
    const s = await createScanner({ configText: cfg });
    expect(s.isPathAllowed('a.txt')).toBe(false);
  });
});
