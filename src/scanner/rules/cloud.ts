/** Cloud providers: AWS, GCP, Azure, Alibaba, DigitalOcean, Heroku, Fly.io, Cloudflare, ... */
import { assigned, toToml, token, type RuleDef } from './build.js';

const U = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const AN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

export const CLOUD_RULES: RuleDef[] = [
  {
    ...token('aws-access-token', 'AWS access key ID (long-term AKIA, temporary ASIA and other IAM prefixes)', String.raw`(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}`, ['akia', 'asia', 'abia', 'acca', 'a3t'], { prefix: 'AKIA', chars: U, len: 16 }, 3),
    allow: [String.raw`.+EXAMPLE$`],
  },
  assigned('aws-secret-access-key', 'AWS secret access key assigned next to an AWS key name', String.raw`aws.{0,20}?(?:secret|private)|secret.?access.?key`, String.raw`[A-Za-z0-9/+]{40}`, ['aws', 'secret_access', 'secretaccess', 'secret-access'], { prefix: '', chars: B64, len: 40, kv: 'aws_secret_access_key' }, 4),
  token('aws-amazon-bedrock-api-key-long-lived', 'Amazon Bedrock long-term API key', String.raw`ABSK[A-Za-z0-9+/]{109,269}={0,2}`, ['absk'], { prefix: 'ABSK', chars: B64, len: 132 }, 3),
  token('gcp-api-key', 'Google Cloud / Firebase API key', String.raw`AIza[\w-]{35}`, ['aiza'], { prefix: 'AIza', chars: AN, len: 35 }, 3),
  {
    id: 'gcp-service-account', description: 'Google Cloud service account key file (JSON with a private key id)',
    regex: String.raw`"type"\s*:\s*"service_account"[\s\S]{0,400}?"private_key_id"\s*:\s*"([a-f0-9]{40})"`,
    keywords: ['service_account'], entropy: 3, sample: { prefix: '', chars: HEX, len: 40, kv: 'gcp-json' },
  },
  {
    id: 'azure-ad-client-secret', description: 'Microsoft Entra ID (Azure AD) application client secret',
    regex: String.raw`(?:^|[\\'"\x60\s>=:(,)/])([a-zA-Z0-9_~.]{3}\dQ~[a-zA-Z0-9_~.-]{31,34})(?:[^A-Za-z0-9_~.-]|$)`,
    keywords: ['q~'], entropy: 3, sample: { prefix: 'a1b8Q~', chars: AN, len: 34 },
  },
  {
    id: 'azure-storage-account-key', description: 'Azure Storage account key in a connection string or assignment',
    regex: String.raw`(?i)(?:AccountKey=|(?:azure|storage)[\w.-]{0,30}?key[\w.-]{0,10}[\s'"]{0,3}(?:=|:|=>)[\s'"]{0,3})([A-Za-z0-9+/]{86}==)`,
    keywords: ['accountkey', 'azure', 'storage'], entropy: 4, sample: { prefix: '', chars: B64, len: 86, suffix: '==', kv: 'DefaultEndpointsProtocol=https;AccountName=demo;AccountKey' },
  },
  {
    id: 'azure-sas-token', description: 'Azure shared access signature (a URL query with sv= and sig=)',
    regex: String.raw`(?i)\bsv=\d{4}-\d{2}-\d{2}&[^\s'"<>]{0,400}?\bsig=([A-Za-z0-9%+/]{40,}(?:%3D|=){0,2})`,
    keywords: ['sig='], entropy: 3.5, sample: { prefix: '', chars: AN, len: 43, suffix: '%3D', kv: 'sas' },
  },
  assigned('azure-devops-pat', 'Azure DevOps personal access token', String.raw`azure.?devops|\bado.?pat|azdo|\bvsts`, String.raw`[a-z2-7]{52}|[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}`, ['azure', 'devops', 'ado', 'azdo', 'vsts'], { prefix: '', chars: 'abcdefghijklmnopqrstuvwxyz234567', len: 52, kv: 'AZURE_DEVOPS_PAT' }, 3),
  token('alibaba-access-key-id', 'Alibaba Cloud AccessKey ID', String.raw`LTAI[a-zA-Z0-9]{20}`, ['ltai'], { prefix: 'LTAI', chars: AN, len: 20 }, 2),
  assigned('alibaba-secret-key', 'Alibaba Cloud AccessKey secret', 'alibaba|aliyun', '[a-z0-9]{30}', ['alibaba', 'aliyun'], { prefix: '', chars: 'abcdefghijklmnopqrstuvwxyz0123456789', len: 30, kv: 'alibaba_secret' }, 2),
  token('digitalocean-pat', 'DigitalOcean personal access token', 'dop_v1_[a-f0-9]{64}', ['dop_v1_'], { prefix: 'dop_v1_', chars: HEX, len: 64 }, 3),
  token('digitalocean-access-token', 'DigitalOcean OAuth access token', 'doo_v1_[a-f0-9]{64}', ['doo_v1_'], { prefix: 'doo_v1_', chars: HEX, len: 64 }, 3),
  token('digitalocean-refresh-token', 'DigitalOcean OAuth refresh token', 'dor_v1_[a-f0-9]{64}', ['dor_v1_'], { prefix: 'dor_v1_', chars: HEX, len: 64 }, 3),
  assigned('heroku-api-key', 'Heroku API key (UUID) assigned to a Heroku key name', 'heroku', String.raw`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`, ['heroku'], { prefix: '', chars: HEX, len: 8, suffix: '-4a2b-8c3d-9e4f-0a1b2c3d4e5f', kv: 'HEROKU_API_KEY' }, 2),
  token('heroku-api-key-v2', 'Heroku platform API key (HRKU- prefix)', 'HRKU-AA[0-9a-zA-Z_-]{58}', ['hrku-aa'], { prefix: 'HRKU-AA', chars: AN, len: 58 }, 4),
  token('flyio-access-token', 'Fly.io access token', String.raw`fo1_[\w-]{43}|fm1[ar]_[a-zA-Z0-9+/]{100,}={0,3}|fm2_[a-zA-Z0-9+/]{100,}={0,3}`, ['fo1_', 'fm1', 'fm2_'], { prefix: 'fo1_', chars: AN, len: 43 }, 4),
  assigned('cloudflare-api-key', 'Cloudflare API token', 'cloudflare|\\bcf_api', '[a-z0-9_-]{40}', ['cloudflare', 'cf_api'], { prefix: '', chars: AN, len: 40, kv: 'CLOUDFLARE_API_TOKEN' }, 2),
  assigned('cloudflare-global-api-key', 'Cloudflare global API key', 'cloudflare', '[a-f0-9]{37}', ['cloudflare'], { prefix: '', chars: HEX, len: 37, kv: 'cloudflare_global_key' }, 2),
  token('cloudflare-origin-ca-key', 'Cloudflare Origin CA key', 'v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}', ['v1.0-'], { prefix: 'v1.0-f3a91c07d2e4b658a0c2e4f6-', chars: HEX, len: 146 }, 2),
  token('scalingo-api-token', 'Scalingo API token', String.raw`tk-us-[\w-]{48}`, ['tk-us-'], { prefix: 'tk-us-', chars: AN, len: 48 }, 2),
  token('ibm-cloud-api-key', 'IBM Cloud API key assigned to an IBM key name', String.raw`(?i:ibm[\w.-]{0,20}(?:api|key)[\w.-]{0,10})[\s'"]{0,3}(?:=|:|=>)[\s'"]{0,3}[A-Za-z0-9_-]{44}`, ['ibm'], { prefix: 'IBMCLOUD_API_KEY=', chars: AN, len: 44 }, 3),
  assigned('linode-api-token', 'Linode (Akamai) API token', 'linode', '[a-f0-9]{64}', ['linode'], { prefix: '', chars: HEX, len: 64, kv: 'LINODE_TOKEN' }, 3),
  assigned('vultr-api-key', 'Vultr API key', 'vultr', '[A-Z0-9]{36}', ['vultr'], { prefix: '', chars: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', len: 36, kv: 'VULTR_API_KEY' }, 3),
  assigned('hetzner-api-token', 'Hetzner Cloud API token', 'hetzner|\\bhcloud', '[A-Za-z0-9]{64}', ['hetzner', 'hcloud'], { prefix: '', chars: AN, len: 64, kv: 'HCLOUD_TOKEN' }, 3),
];

export const CLOUD_TOML = toToml(CLOUD_RULES);
