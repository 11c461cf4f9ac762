/** Shared set-up for the store tests: the issuer, the three imitations, and a StoreContext. */
import { fakeClock } from '../../src/core/clock.js';
import { Masker } from '../../src/core/mask.js';
import type { StoreContext } from '../../src/stores/index.js';
import { AwsJsonServer } from '../servers/aws-json.js';
import { AzureServer } from '../servers/azure.js';
import { GcpServer } from '../servers/gcp.js';
import { OidcIssuer } from '../servers/oidc.js';

export const PROVIDER = 'projects/123456789/locations/global/workloadIdentityPools/ci-pool/providers/github';
export const SA = 'ci-reader@my-project.iam.gserviceaccount.com';
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const CLIENT = '11111111-2222-3333-4444-555555555555';
export const SUB = 'repo:octo-org/octo-repo:ref:refs/heads/main';

export interface World {
  issuer: OidcIssuer;
  aws: AwsJsonServer;
  gcp: GcpServer;
  azure: AzureServer;
  /** values the stores hold, for leak assertions */
  values: string[];
  stop(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const issuer = await new OidcIssuer().start();
  const aws = await new AwsJsonServer().start();
  const gcp = await new GcpServer().start();
  const azure = await new AzureServer().start();
  aws.accessKeys.add('ASIAEXAMPLEKEY000001');
  aws.addSecret({
    name: 'prod/db',
    string: JSON.stringify({ username: 'app-user', password: 'pg-pass-8d7f6e5d', port: 5432, nested: { token: 'nested-tok-4a4a4a' } }),
  });
  aws.addSecret({ name: 'prod/api-key', string: 'sk-live-aws-1234567890', previous: 'sk-old-aws-0987654321' });
  aws.addSecret({ name: 'prod/cert', binary: Buffer.from('binary-secret-bytes-xyz') });
  aws.addSecret({ name: 'beta/one', string: 'beta-one-value-111' });
  aws.addSecret({ name: 'beta/two', string: JSON.stringify({ user: 'beta-user-2', pass: 'beta-pass-222' }) });
  aws.addSecret({ name: 'prod/denied', string: 'never-seen-denied-1' });
  aws.deny.add('prod/denied');
  aws.addParam({ name: '/app/prod/token', value: 'ssm-secure-token-42' });
  aws.addParam({ name: '/app/prod/plain', value: 'plain-param-value', type: 'String', version: 3 });

  gcp.addProvider({
    name: PROVIDER,
    issuer: issuer.url,
    condition: { cel: "assertion.repository_owner == 'octo-org'", test: (c) => c['repository_owner'] === 'octo-org' },
  });
  gcp.allowImpersonation(SA, GcpServer.principal(PROVIDER, SUB));
  gcp.addSecret('projects/my-project/secrets/api', ['gcp-api-v1-aaaa', 'gcp-api-v2-bbbb'], [SA]);
  gcp.addSecret('projects/my-project/secrets/db', [JSON.stringify({ password: 'gcp-db-pass-cccc' })], [SA, GcpServer.principal(PROVIDER, SUB)]);
  gcp.addSecret('projects/my-project/secrets/locked', ['gcp-locked-dddd'], ['someone-else@x.iam.gserviceaccount.com']);

  azure.addApp({ tenant: TENANT, clientId: CLIENT, federated: [{ issuer: issuer.url, subject: SUB }] });
  azure.addSecret('ci-vault', 'db-password', 'az-old-pass-eeee');
  azure.addSecret('ci-vault', 'db-password', 'az-db-pass-ffff');
  azure.addSecret('ci-vault', 'conn', JSON.stringify({ host: 'db.example', password: 'az-conn-pass-gggg' }));
  azure.grant('ci-vault', CLIENT);
  azure.addSecret('other-vault', 'x', 'az-other-hhhh');

  const values = [
    ...aws.values(),
    'gcp-api-v1-aaaa',
    'gcp-api-v2-bbbb',
    'gcp-db-pass-cccc',
    'gcp-locked-dddd',
    'az-old-pass-eeee',
    'az-db-pass-ffff',
    'az-conn-pass-gggg',
    'az-other-hhhh',
  ];
  return {
    issuer,
    aws,
    gcp,
    azure,
    values,
    async stop() {
      await Promise.all([issuer.stop(), aws.stop(), gcp.stop(), azure.stop()]);
    },
  };
}

export interface TestContext extends StoreContext {
  masker: Masker;
  clock: ReturnType<typeof fakeClock>;
  audiences: string[];
}

/** A context against the world; `over` replaces parts (gcp, azure, aws). */
export function contextFor(w: World, over: Partial<StoreContext> = {}): TestContext {
  const masker = new Masker();
  const clock = fakeClock(Date.now());
  const audiences: string[] = [];
  return {
    masker,
    clock,
    audiences,
    idToken: async (aud) => {
      audiences.push(aud);
      return w.issuer.sign(w.issuer.githubClaims(aud));
    },
    secret: (v, what) => {
      masker.register(v, what);
    },
    http: { retry: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 50 }, clock, timeoutMs: 5000 },
    aws: {
      region: 'eu-west-1',
      credentials: {
        accessKeyId: 'ASIAEXAMPLEKEY000001',
        secretAccessKey: 'secret-access-key-example-000000000000',
        sessionToken: 'session-token-example-0000',
      },
      secretsManagerEndpoint: w.aws.url,
      ssmEndpoint: w.aws.url,
    },
    gcp: {
      workloadIdentityProvider: PROVIDER,
      serviceAccount: SA,
      stsEndpoint: w.gcp.url,
      iamCredentialsEndpoint: w.gcp.url,
      secretManagerEndpoint: w.gcp.url,
    },
    azure: { clientId: CLIENT, tenantId: TENANT, authorityHost: w.azure.url, keyVaultEndpoint: `${w.azure.url}/kv/{vault}` },
    ...over,
  };
}

/** Everything that must never appear in an error or a log. */
export function forbidden(w: World): string[] {
  return [
    ...w.values,
    ...w.issuer.issued,
    ...w.gcp.tokensIssued(),
    ...w.azure.tokensIssued(),
    'secret-access-key-example-000000000000',
    'session-token-example-0000',
  ];
}
