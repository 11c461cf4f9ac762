/**
 * generic-api-key: a key-like name assigned a high-entropy value. Tuned against gitleaks' top
 * complaint (false positives): identifiers, placeholders, file paths, lock/hash values, words.
 */
import { type RuleDef, toToml } from './build.js';

const STOPWORDS = [
  'example', 'sample', 'dummy', 'placeholder', 'changeme', 'your_', 'your-', 'yourkey', 'redacted', 'xxxxxx',
  '000000', 'aaaaaa', 'abcdef', 'abcdefgh', '123456', 'qwerty', 'lorem', 'ipsum', 'test-key', 'testkey', 'fake',
  'mock', 'insert', 'replace', 'todo', 'fixme', 'undefined', 'process.env', 'os.environ', 'getenv', 'config.',
  'secrets.', 'vault:', 'arn:aws', 'localhost', 'http://', 'https://', 'file://', '.com', '.json', '.yaml',
  '.yml', '.xml', '.txt', '.pem', '.crt', '.key', 'sha256', 'sha512', 'sha1-', 'integrity', 'node_modules',
];

export const GENERIC_RULES: RuleDef[] = [
  {
    id: 'generic-api-key', description: 'Generic secret: a key, token, password or credential name assigned a high-entropy value',
    regex: String.raw`(?i)(?:access|auth|(?-i:[Aa]pi|API)|credential|creds|key|passw(?:or)?d|pwd|secret|token)(?:[ \t\w.-]{0,20})[\s'"]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[\x60'"\s=]{0,5}([\w.=-]{10,150}|[a-z0-9][a-z0-9+/]{11,}={0,3})(?:[\x60'"\s;]|\\[nr]|$)`,
    entropy: 3.5, keywords: ['access', 'api', 'auth', 'key', 'credential', 'creds', 'passwd', 'password', 'pwd', 'secret', 'token'],
    sample: { prefix: '', chars: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', len: 32, kv: 'api_secret' },
    allow: [String.raw`^[a-zA-Z_.-]+$`, String.raw`^\d+(?:\.\d+)*$`, String.raw`^[a-f0-9]{40}$`],
    stopwords: STOPWORDS,
  },
];

export const GENERIC_EXTRA_TOML = String.raw`
[[rules.allowlists]]
description = "names that look like secrets but are not: ids, lengths, public keys, file paths, form fields"
regexTarget = "match"
regexes = [
  '''(?i)(?:access(?:ibility|or)|access[_.-]?(?:id|level|log|mode|type)|random[_.-]?access|api[_.-]?(?:id|name|version|url|base|host|path)|rapid|capital|author|(?:credentials?[_.-]?(?:id|type|provider|file|path))|withCredentials|(?:bucket|foreign|hot|idx|natural|primary|pub(?:lic)?|partition|sort|schema|sequence|shortcut|hash|cache|storage|row|table|i18n|translation|react|unique)[_.-]?key|key[_.-]?(?:alias|board|code|frame|id|length|mesh|name|pair|press(?:ed)?|ring|selector|signature|size|stone|storetype|word|up|down|left|right|path|file|type|prefix|usage|spec)|keys?[_.-]?vault[_.-]?(?:id|name|url)|key(?:store|tab)[_.-]?(?:file|path|type)|(?:secret)[_.-]?(?:length|name|size|ref|key[_.-]?ref|id|arn|path)|UserSecretsId|csrf[_.-]?token|token[_.-]?(?:endpoint|ur[il]|type|expir\w*|length|name|path|file)|public[_.-]?token|password[_.-]?(?:field|label|hint|policy|length|reset\w*|confirm\w*|placeholder|regex|pattern|strength|input)|auth[_.-]?(?:type|method|mode|provider|url|uri|endpoint|domain|header|scheme))''',
]
[[rules.allowlists]]
regexTarget = "line"
regexes = [
  '''--mount=type=secret,''',
  '''\bimport[ \t]+\{[ \t\w,]+\}[ \t]+from[ \t]+['"][^'"]+['"]''',
  '''"integrity":\s*"sha\d+-''',
]
[[rules.allowlists]]
description = "the resource part of a Secrets Manager ARN (…:secret:NAME-AbCdEf): a name, not a value"
regexTarget = "match"
regexes = [
  '''^(?i:secret):[\w/+=.@-]+-[A-Za-z0-9]{6}(?:[\x60'"\s;]|\\[nr])?$''',
]
`;

/** The generic rule, with its extra allowlists appended inside its [[rules]] table. */
export const GENERIC_TOML = toToml(GENERIC_RULES) + GENERIC_EXTRA_TOML;
