/**
 * AWS Systems Manager Parameter Store through the official client (@aws-sdk/client-ssm):
 * GetParameter WithDecryption (SecureString decrypted; `name:3` or `name:label` pins a
 * version). Loaded only when a line needs it.
 */
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { RemoteError } from '../core/errors.js';
import { closeQuietly, makeHttp, retrying } from './http.js';
import { arrived, once, type StoreContext } from './context.js';
import { awsError, awsRegion, clientConfig, isRetryableAws } from './aws-sdk.js';
import { sourceOf, type StoreSelector } from './selector.js';
import type { Store } from '../secrets/store.js';

const NOT_FOUND = ['ParameterNotFound', 'ParameterVersionNotFound'];

export function awsSsmStore(ctx: StoreContext): Store<StoreSelector> {
  const http = makeHttp(ctx, 'SSM');
  const client = once(async () => new SSMClient(await clientConfig(ctx, http, ctx.aws?.ssmEndpoint)));
  return {
    async fetch(sel) {
      const source = sourceOf(sel);
      const c = await client();
      return retrying(
        ctx,
        `reading ${source}`,
        async () => {
          try {
            const out = await c.send(new GetParameterCommand({ Name: sel.id, WithDecryption: true }));
            const value = out.Parameter?.Value;
            if (typeof value !== 'string')
              throw new RemoteError(`line ${sel.line}: SSM answered without a value for ${sel.id}`, { service: 'SSM', status: 200, retryable: false });
            arrived(ctx, value, source);
            const version = out.Parameter?.Version;
            return [{ sel, value, source, ...(version !== undefined ? { version: String(version) } : {}) }];
          } catch (err) {
            throw awsError(err, {
              service: 'SSM',
              line: sel.line,
              id: sel.id,
              region: awsRegion(ctx),
              actions: 'ssm:GetParameter (and kms:Decrypt for a SecureString with a customer-managed key)',
              notFound: NOT_FOUND,
            });
          }
        },
        isRetryableAws,
      );
    },
    async close() {
      await closeQuietly(http);
    },
  };
}
