/**
 * Every built-in rule: a true positive and a near-miss negative, table-driven. The fake secrets
 * are synthesised at run time from each rule's sample shape (prefix + seeded random characters
 * + suffix), so this repository holds no literal secret-shaped strings.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { createScanner, DEFAULT_CONFIG_TOML, type LoadedScanner } from '../../../src/scanner/engine.js';
import { DEFAULT_RULE_DEFS } from '../../../src/scanner/rules/index.js';
import type { RuleDef } from '../../../src/scanner/rules/build.js';
import { parse } from 'smol-toml';

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

interface Case {
  path: string;
  text: string;
}

/** Positive and near-miss texts for one rule. */
function cases(d: RuleDef): { pos: Case; neg: Case } {
  const s = d.sample;
  if (!s) throw new Error(`rule ${d.id} has no sample`);
  const body = rand(s.chars, s.len, d.id);
  const value = s.prefix + body + (s.suffix ?? '');
  const file = 'src/settings.txt';
  const k = s.kv;
  switch (k) {
    case undefined: {
      // near miss: the prefix broken and the random part cut to a third
      const bad = (s.prefix ? '#' + s.prefix.slice(1) : '') + body.slice(0, Math.floor(s.len / 3)) + (s.suffix ?? '');
      return { pos: { path: file, text: `x\nvalue = "${value}"\n` }, neg: { path: file, text: `x\nvalue = "${bad}"\n` } };
    }
    case '':
      return { pos: { path: file, text: `header ${value}\n` }, neg: { path: file, text: `header ey${body.slice(0, 8)}.ey${body.slice(0, 8)}\n` } };
    case 'gcp-json': {
      const t = (v: string) => `{\n  "type": "service_account",\n  "project_id": "demo",\n  "private_key_id": "${v}",\n}`;
      return { pos: { path: 'sa.json', text: t(value) }, neg: { path: 'sa.json', text: t(value).replace('service_account', 'authorized_user') } };
    }
    case 'sas':
      return {
        pos: { path: file, text: `url = "https://acct.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&sig=${value}"\n` },
        neg: { path: file, text: `url = "https://acct.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=short"\n` },
      };
    case 'tf-password':
      return {
        pos: { path: 'infra/main.tf', text: `  administrator_login_password = ${value}\n` },
        neg: { path: 'infra/main.txt', text: `  administrator_login_password = ${value}\n` },
      };
    case 'nuget':
      return {
        pos: { path: 'NuGet.Config', text: `<add key="ClearTextPassword" value="${value}" />\n` },
        neg: { path: 'other.config', text: `<add key="ClearTextPassword" value="${value}" />\n` },
      };
    case 'freemius':
      return {
        pos: { path: 'plugin/init.php', text: `'secret_key' => '${value}',\n` },
        neg: { path: 'plugin/init.js', text: `'secret_key' => '${value}',\n` },
      };
    case 'sidekiq-url':
      return {
        pos: { path: file, text: `source "https://${value}@gems.contribsys.com/"\n` },
        neg: { path: file, text: `source "https://${value}@gems.example.org/"\n` },
      };
    case 'pem': {
      const block = (kind: string) => `-----BEGIN ${kind}-----\n${value}\n${rand(s.chars, 64, d.id + '2')}\n-----END ${kind}-----\n`;
      return { pos: { path: 'id_rsa', text: block('RSA PRIVATE KEY') }, neg: { path: 'pub.pem', text: block('PUBLIC KEY') } };
    }
    case 'dburl':
      return {
        pos: { path: file, text: `DATABASE_URL=postgres://app:${value}@db.internal:5432/app\n` },
        neg: { path: file, text: 'DATABASE_URL=postgres://app:' + '$' + '{PGPASSWORD}@db.internal:5432/app\n' },
      };
    case 'curl-h':
      return {
        pos: { path: 'run.sh', text: `curl -s -H "Authorization: Bearer ${value}" https://api.example.org/v1\n` },
        neg: { path: 'run.sh', text: 'curl -s -H "Accept: application/json" https://api.example.org/v1\n' },
      };
    case 'curl-u':
      return {
        pos: { path: 'run.sh', text: `curl -u deploy:${value} https://api.example.org/v1\n` },
        neg: { path: 'run.sh', text: 'curl -u deploy:changeme https://api.example.org/v1\n' },
      };
    case 'k8s': {
      const y = (kind: string) => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: db\ndata:\n  password: ${value}\n`;
      return { pos: { path: 'k8s/secret.yaml', text: y('Secret') }, neg: { path: 'k8s/secret.yaml', text: y('ConfigMap') } };
    }
    default: {
      if (k.includes('AccountKey'))
        return {
          pos: { path: file, text: `${k}=${value};EndpointSuffix=core.windows.net\n` },
          neg: { path: file, text: `${k}=${value.slice(0, 40)};EndpointSuffix=core.windows.net\n` },
        };
      return { pos: { path: file, text: `${k} = "${value}"\n` }, neg: { path: file, text: `unrelated_setting = "${value}"\n` } };
    }
  }
}

let scanner: LoadedScanner;
beforeAll(async () => {
  scanner = await createScanner({});
});

const withSample = DEFAULT_RULE_DEFS.filter((d) => d.sample);

describe('every built-in rule has a test', () => {
  it('covers each rule of the default config', () => {
    const doc = parse(DEFAULT_CONFIG_TOML) as { rules: { id: string }[] };
    const tested = new Set([...withSample.map((d) => d.id), 'pkcs12-file']);
    const untested = doc.rules.map((r) => r.id).filter((id) => !tested.has(id));
    expect(untested).toEqual([]);
    expect(doc.rules.length).toBeGreaterThanOrEqual(200);
  });
});

describe.each(withSample.map((d) => [d.id, d] as const))('%s', (id, def) => {
  const { pos, neg } = cases(def);
  it('finds the true positive', () => {
    const hits = scanner.scan(pos).filter((f) => f.ruleId === id);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.fingerprint).toBe(`${pos.path}:${id}:${hits[0]?.startLine}`);
  });
  it('ignores the near miss', () => {
    expect(scanner.scan(neg).filter((f) => f.ruleId === id)).toEqual([]);
  });
});

describe('pkcs12-file (path-only rule)', () => {
  it('flags .p12/.pfx files by name and nothing else', () => {
    expect(scanner.scan({ text: '', path: 'certs/server.p12' }).map((f) => f.ruleId)).toContain('pkcs12-file');
    expect(scanner.scan({ text: '', path: 'certs/server.p12' })[0]?.fingerprint).toBe('certs/server.p12:pkcs12-file:0');
    expect(scanner.scan({ text: '', path: 'certs/server.pem' }).map((f) => f.ruleId)).not.toContain('pkcs12-file');
  });
});

describe("generic-api-key false positives (gitleaks' top complaint)", () => {
  const tail = (n: number): string => Array.from({ length: n }, (_, i) => 'aB3dE6gH9jK2mN5pQ8sT1vW4yZ7'[(i * 7) % 27]).join('');
  it('ignores a Secrets Manager ARN (its :secret:NAME-xxxxxx is a name, not a value), yet finds a secret on the same line or the next', () => {
    const arn = `arn:aws:secretsmanager:us-west-2:123456789012:secret:My-Test_Db.Secret-${tail(6)}`;
    const text = `SecretId: "${arn}",\nconst x = { secretArn: '${arn}' };\napi_secret = "${tail(24)}"\n{"ARN":"${arn}","password":"${tail(20)}"}\n`;
    const found = scanner.scan({ text, path: 'infra/app.ts' }).filter((f) => f.ruleId === 'generic-api-key');
    expect(found.map((f) => f.startLine)).toEqual([3, 4]);
  });
});
