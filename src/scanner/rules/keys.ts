/** Keys and structured credentials: PEM private keys, PKCS#12 files, age, JWTs, database URLs, curl, Kubernetes secrets. */
import { CH, type RuleDef, toToml } from './build.js';

const { AN, B64, URL } = CH;

export const KEY_RULES: RuleDef[] = [
  {
    id: 'private-key', description: 'Private key (PEM: RSA, EC, DSA, OpenSSH, PKCS#8, encrypted, PGP)',
    regex: String.raw`(?i)-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\s\S-]{64,}?KEY(?: BLOCK)?-----`,
    keywords: ['-----begin'], sample: { prefix: '', chars: B64, len: 64, kv: 'pem' },
  },
  { id: 'pkcs12-file', description: 'PKCS#12 file (usually a private key with its certificate)', path: String.raw`(?i)(?:^|/)[^/]+\.p(?:12|fx)$`, keywords: [] },
  {
    id: 'age-secret-key', description: 'age encryption secret key',
    regex: 'AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}', keywords: ['age-secret-key-1'],
    sample: { prefix: 'AGE-SECRET-KEY-1', chars: 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', len: 58 },
  },
  {
    id: 'jwt', description: 'JSON Web Token',
    regex: String.raw`\b(ey[a-zA-Z0-9]{17,}\.ey[a-zA-Z0-9/\\_-]{17,}\.(?:[a-zA-Z0-9/\\_-]{10,}={0,2})?)(?:[^A-Za-z0-9/\\_=-]|$)`,
    keywords: ['ey'], entropy: 3, sample: { prefix: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ', chars: URL, len: 30, suffix: '.abcdefghijKLMNOPQRST0123456789', kv: '' },
  },
  {
    id: 'jwt-base64', description: 'Base64-encoded JSON Web Token',
    regex: String.raw`\bZXlK(?:aGJHY2lPaU|aGNIVWlPaU|aGNIWWlPaU|aGRXUWlPaU|aU5qUWlP|amNtbDBJanBi|amRIa2lPaU|bGNHc2lPbn|bGJtTWlPaU|cWEzVWlPaU|cWQyc2lPb|cGMzTWlPaU|cGRpSTZJ|cmFXUWlP|clpYbGZiM0J6SWpwY|cmRIa2lPaUp|dWIyNWpaU0k2|d01tTWlP|d01uTWlPaU|d2NIUWlPaU|emRXSWlPaU|emRuUWlP|MFlXY2lPaU|MGVYQWlPaUp|MWNtd2l|MWMyVWlPaUp|MlpYSWlPaU|MlpYSnphVzl1SWpv|NElqb2|NE5XTWlP|NE5YUWlPaU|NE5YUWpVekkxTmlJNkl|NE5YVWlPaU|NmFYQWlPaU)[a-zA-Z0-9/\\_+\-\r\n]{40,}={0,2}`,
    keywords: ['zxlk'], entropy: 2, sample: { prefix: 'ZXlKaGJHY2lPaU', chars: AN, len: 60 },
  },
  {
    id: 'database-url-password', description: 'Database or broker URL with a password (PostgreSQL, MySQL, MongoDB, Redis, AMQP, MSSQL, ...)',
    regex: String.raw`(?i)\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|clickhouse|cockroachdb|couchdb|neo4j(?:\+s)?|jdbc:[a-z]+)://[^\s:@/'"\x60]{1,128}:([^\s@/'"\x60]{3,128})@[\w.-]+`,
    keywords: ['://'], entropy: 2.5, sample: { prefix: '', chars: AN, len: 20, kv: 'dburl' },
    allow: [String.raw`^(?:\$\{?[A-Za-z_][\w]*\}?|\{\{[^}]*\}\}|<[^>]+>|\*+|x+|password|passw0rd|pass|secret|changeme|example|test|postgres|root|admin|guest)$`],
  },
  {
    id: 'curl-auth-header', description: 'Authorization header with a token in a curl command',
    regex: String.raw`\bcurl\b[^\n]*?[ \t](?:-H|--header)(?:=|[ \t]{0,5})["'](?i:Authorization:[ \t]{0,5}(?:Basic[ \t]([a-z0-9+/]{8,}={0,3})|(?:Bearer|(?:Api-)?Token)[ \t]([\w=~@.+/-]{8,}))|(?:X-(?:[a-z]+-)?)?(?:Api-?)?(?:Key|Token):[ \t]{0,5}([\w=~@.+/-]{8,}))["']`,
    keywords: ['curl'], entropy: 2.75, sample: { prefix: '', chars: AN, len: 32, kv: 'curl-h' },
  },
  {
    id: 'curl-auth-user', description: 'Credentials passed to curl with -u / --user',
    regex: String.raw`\bcurl\b[^\n]*?[ \t](?:-u|--user)(?:=|[ \t]{0,5})("[^":\n]{3,}:[^"\n]{3,}"|'[^':\n]{3,}:[^'\n]{3,}'|[\w$@.-]+:[\w$\x7b\x7d@.-]{3,})(?:\s|$)`,
    keywords: ['curl'], entropy: 2, sample: { prefix: '', chars: AN, len: 20, kv: 'curl-u' },
    allow: [String.raw`[^:]+:(?:change(?:it|me)|pass(?:word)?|pwd|test|token|\*+|x+)['"]?$`, String.raw`:['"]?\$(?:\d|\w+|\{[^}]+\})['"]?$`, String.raw`<[^>]+>`],
  },
  {
    id: 'kubernetes-secret-yaml', description: 'Kubernetes Secret manifest with data values', path: String.raw`(?i)\.ya?ml$`,
    regex: String.raw`(?i)\bkind:[ \t]*["']?secret["']?[ \t]*\n(?:[^\n]*\n){0,20}?[ \t]*(?:data|stringData):[ \t]*\n[ \t]+[\w.-]+:[ \t]*["']?([a-z0-9+/]{16,}={0,3})["']?`,
    keywords: ['secret'], entropy: 3, sample: { prefix: '', chars: B64, len: 40, kv: 'k8s' },
  },
];

export const KEY_TOML = toToml(KEY_RULES);
