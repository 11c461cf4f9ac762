/** gitleaks config features and engine guards, on configs written here (the RE2 translator: test/unit/kernels/re2.test.ts). */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScanner } from '../../../src/scanner/engine.js';
import { UserError } from '../../../src/core/errors.js';

const tok = (n: number) => Array.from({ length: n }, (_, i) => 'Zq8Xw3Rt7Yp2Lm5Nk9Vb4Hc6Jd1Gf0SW'[(i * 7) % 32]).join('');
const RULE = (extra = '') =>
  `[[rules]]\nid = "demo"\ndescription = "demo token"\nregex = '''\\b(dmo_[A-Za-z0-9]{24})\\b'''\nkeywords = ["dmo_"]\ntags = ["t1"]\n${extra}`;
const line = (v: string) => `key = "dmo_${v}"\n`;
const commit = { sha: 'a'.repeat(40), author: 'x', email: 'x@y', date: '2024-01-01T00:00:00Z', message: 'm' };

describe('config features', () => {
  it('finds with tags, fingerprint, 1-based columns and mapped line numbers', async () => {
    const s = await createScanner({ configText: RULE() });
    const [f] = s.scan({ text: 'x\n' + line(tok(24)), path: 'a/b.txt', lineNumbers: [10, 20] });
    expect(f).toMatchObject({ ruleId: 'demo', startLine: 20, startColumn: 8, tags: ['t1'], fingerprint: 'a/b.txt:demo:20' });
    const [g] = s.scan({ text: line(tok(24)), path: 'c.txt', commit });
    expect(g?.fingerprint).toBe(`${commit.sha}:c.txt:demo:1`);
  });
  it('secretGroup and entropy', async () => {
    const cfg = `[[rules]]\nid = "sg"\nregex = '''(k)=([a-z0-9]{8,})'''\nsecretGroup = 2\nentropy = 2.5\nkeywords = ["k="]\n`;
    const s = await createScanner({ configText: cfg });
    expect(s.scan({ text: 'k=q8w3e9r1t5', path: 'a' })[0]?.secret).toBe('q8w3e9r1t5');
    expect(s.scan({ text: 'k=aaaaaaaaaa', path: 'a' })).toEqual([]);
  });
  it('old [rules.allowlist] and [[rules.allowlists]] with AND, regexTarget line, stopwords, commits, paths', async () => {
    const old = await createScanner({ configText: RULE(`[rules.allowlist]\nregexes = ['''^dmo_${tok(3)}''']\n`) });
    expect(old.scan({ text: line(tok(24)), path: 'a' })).toEqual([]);
    const and = await createScanner({
      configText: RULE(`[[rules.allowlists]]\ncondition = "AND"\npaths = ['''\\.md$''']\nregexTarget = "line"\nregexes = ['''^key''']\n`),
    });
    expect(and.scan({ text: line(tok(24)), path: 'a.md' })).toEqual([]);
    expect(and.scan({ text: line(tok(24)), path: 'a.txt' })).toHaveLength(1);
    const stop = await createScanner({ configText: RULE(`[[rules.allowlists]]\nstopwords = ["${tok(4).toUpperCase()}"]\n`) });
    expect(stop.scan({ text: line(tok(24)), path: 'a' })).toEqual([]);
    const com = await createScanner({ configText: RULE(`[[rules.allowlists]]\ncommits = ["${commit.sha.toUpperCase()}"]\n`) });
    expect(com.scan({ text: line(tok(24)), path: 'a', commit })).toEqual([]);
    const glob = await createScanner({ configText: RULE() + `[[allowlists]]\npaths = ['''^vendor/''']\n` });
    expect(glob.scan({ text: line(tok(24)), path: 'vendor/x' })).toEqual([]);
    const target = await createScanner({ configText: RULE() + `[[allowlists]]\ntargetRules = ["demo"]\nregexTarget = "match"\nregexes = ['''dmo_''']\n` });
    expect(target.scan({ text: line(tok(24)), path: 'a' })).toEqual([]);
  });
  it('[extend] useDefault with disabledRules, and path relative to the config', async () => {
    const s = await createScanner({ configText: RULE() + '[extend]\nuseDefault = true\ndisabledRules = ["github-pat"]\n' });
    expect(s.ruleIds).toContain('demo');
    expect(s.ruleIds).toContain('aws-access-token');
    expect(s.ruleIds).not.toContain('github-pat');
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    writeFileSync(join(dir, 'base.toml'), RULE());
    writeFileSync(join(dir, '.gitleaks.toml'), `[extend]\npath = "base.toml"\n[[rules]]\nid = "demo"\nentropy = 5.5\n`);
    const e = await createScanner({ configPath: join(dir, '.gitleaks.toml') });
    expect(e.ruleIds).toEqual(['demo']);
    expect(e.scan({ text: line(tok(24)), path: 'a' })).toEqual([]); // merged entropy threshold
  });
  it('path-only rules, gitleaks:allow, and the ignore flag', async () => {
    const s = await createScanner({ configText: RULE() + `[[rules]]\nid = "envfile"\npath = '''(?i)\\.env$'''\n` });
    expect(s.scan({ text: '', path: 'app/.ENV' })[0]?.ruleId).toBe('envfile');
    expect(s.scan({ text: `key = "dmo_${tok(24)}" # gitleaks:allow\n`, path: 'a' })).toEqual([]);
    const i = await createScanner({ configText: RULE(), ignoreGitleaksAllow: true });
    expect(i.scan({ text: `key = "dmo_${tok(24)}" # gitleaks:allow\n`, path: 'a' })).toHaveLength(1);
  });
  it('errors name the rule and field; a catastrophic rule is skipped and reported', async () => {
    await expect(createScanner({ configText: RULE().replace('\\b(dmo', '(?=x)(dmo') })).rejects.toThrow(/rule "demo": field "regex"/);
    await expect(createScanner({ configText: RULE('secretGroup = 3\n') })).rejects.toThrow(/rule "demo": field "secretGroup"/);
    await expect(createScanner({ configText: RULE('keywords = 3\n').replace('keywords = ["dmo_"]\n', '') })).rejects.toThrow(UserError);
    const s = await createScanner({ configText: RULE() + `[[rules]]\nid = "evil"\nregex = '''(a+)+$'''\n` });
    expect(s.skipped[0]?.reason).toMatch(/rule "evil" not run/);
    expect(s.scan({ text: 'a'.repeat(5000) + '!\n' + line(tok(24)), path: 'a' })).toHaveLength(1);
  });
  it('a 20 MB single line with keywords is verified in capped windows, finding what is there', async () => {
    const s = await createScanner({ configText: RULE() });
    const big = 'dmo_short '.repeat(2_000_000) + `key="dmo_${tok(24)}" ` + 'x'.repeat(1000);
    const t = Date.now();
    const found = s.scan({ text: big, path: 'min.js' });
    expect(found).toHaveLength(1);
    expect(s.skipped.some((k) => k.path === 'min.js')).toBe(true);
    expect(Date.now() - t).toBeLessThan(20_000);
  });
});
