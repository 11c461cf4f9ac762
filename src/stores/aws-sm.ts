/**
 * AWS Secrets Manager through the official client (@aws-sdk/client-secrets-manager): one
 * GetSecretValue per secret (SecretString, or SecretBinary decoded as UTF-8), and name-prefix
 * selections (aws-secretsmanager-get-secrets' `prefix*`) through ListSecrets with a name
 * filter, paged. Loaded only when a line needs it, so Vault-only runs never pay for the SDK.
 */
import { GetSecretValueCommand, ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { RemoteError, UserError } from '../core/errors.js';
import { closeQuietly, makeHttp, retrying } from './http.js';
import { arrived, once, type StoreContext } from './context.js';
import { awsError, awsRegion, clientConfig, isRetryableAws } from './aws-sdk.js';
import { sourceOf, type StoreSelector } from './selector.js';
import type { Fetched, Store } from '../secrets/store.js';

/** aws-secretsmanager-get-secrets' limit of matches per prefix. */
export const MAX_PREFIX_MATCHES = 100;
const NOT_FOUND = ['ResourceNotFoundException'];

export function awsSmStore(ctx: StoreContext): Store<StoreSelector> {
  const http = makeHttp(ctx, 'Secrets Manager');
  const client = once(async () => new SecretsManagerClient(await clientConfig(ctx, http, ctx.aws?.secretsManagerEndpoint)));
  const region = (): string => awsRegion(ctx);

  const getValue = async (sel: StoreSelector, id: string): Promise<Fetched<StoreSelector>> => {
    const source = sel.prefix ? `aws-sm:${id}` : sourceOf(sel);
    const c = await client();
    return retrying(
      ctx,
      `reading ${source}`,
      async () => {
        try {
          const out = await c.send(
            new GetSecretValueCommand({
              SecretId: id,
              ...(sel.versionId ? { VersionId: sel.versionId } : {}),
              ...(sel.versionStage ? { VersionStage: sel.versionStage } : {}),
            }),
          );
          let value: string;
          if (typeof out.SecretString === 'string') value = out.SecretString;
          else if (out.SecretBinary instanceof Uint8Array) value = Buffer.from(out.SecretBinary).toString('utf8');
          else
            throw new RemoteError(`line ${sel.line}: Secrets Manager answered without a value for ${id}`, {
              service: 'Secrets Manager',
              status: 200,
              retryable: false,
            });
          arrived(ctx, value, source);
          return { sel, value, source, ...(out.VersionId ? { version: out.VersionId } : {}), ...(out.Name ? { name: out.Name } : {}) };
        } catch (err) {
          throw awsError(err, {
            service: 'Secrets Manager',
            line: sel.line,
            id,
            region: region(),
            actions: 'secretsmanager:GetSecretValue (and kms:Decrypt for a customer-managed key)',
            notFound: NOT_FOUND,
          });
        }
      },
      isRetryableAws,
    );
  };

  const listPrefix = async (sel: StoreSelector): Promise<string[]> => {
    const c = await client();
    const names: string[] = [];
    let next: string | undefined;
    do {
      const token = next;
      const page = await retrying(
        ctx,
        `listing secrets named ${sel.id}*`,
        async () => {
          try {
            return await c.send(
              new ListSecretsCommand({ Filters: [{ Key: 'name', Values: [sel.id] }], MaxResults: MAX_PREFIX_MATCHES, ...(token ? { NextToken: token } : {}) }),
            );
          } catch (err) {
            throw awsError(err, {
              service: 'Secrets Manager',
              line: sel.line,
              id: `${sel.id}*`,
              region: region(),
              actions: 'secretsmanager:ListSecrets',
              notFound: [],
            });
          }
        },
        isRetryableAws,
      );
      for (const s of page.SecretList ?? []) if (s.Name && s.Name.startsWith(sel.id)) names.push(s.Name);
      next = page.NextToken;
    } while (next && names.length <= MAX_PREFIX_MATCHES);
    if (names.length === 0)
      throw new RemoteError(`line ${sel.line}: no secret in ${region()} has a name starting with "${sel.id}"`, {
        service: 'Secrets Manager',
        status: 200,
        code: 'NotFound',
        retryable: false,
      });
    if (names.length > MAX_PREFIX_MATCHES)
      throw new UserError('secret-ids', `line ${sel.line}: "${sel.id}*" matches more than ${MAX_PREFIX_MATCHES} secrets: use a longer prefix`);
    const alias = sel.pick.kind === 'aws-compat' ? sel.pick.alias : undefined;
    if (alias && names.length > 1)
      throw new UserError(
        'secret-ids',
        `line ${sel.line}: the alias ${alias} names one variable, but "${sel.id}*" matches ${names.length} secrets (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', ...' : ''})`,
      );
    return names;
  };

  return {
    async fetch(sel) {
      if (!sel.prefix) return [await getValue(sel, sel.id)];
      const names = await listPrefix(sel);
      return Promise.all(names.map((n) => getValue(sel, n)));
    },
    async close() {
      await closeQuietly(http);
    },
  };
}
