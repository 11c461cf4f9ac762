/**
 * vault-login's run over a Config, without a runner process: a loopback Vault (test/servers),
 * a recording set of capabilities. What it hands out, what it saves for post, and that the token
 * is registered as a secret before anything carries it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { VaultServer } from '../../../servers/vault.js';
import { RemoteError } from '../../../../src/core/errors.js';
import type { AnnotationProps } from '../../../../src/core/annotation.js';
import type { Config } from '../../../../src/actions/vault-login/config.js';
import { type RunCaps, run, ttlText } from '../../../../src/actions/vault-login/run.js';
import type { LoginOptions, VaultConnectionOptions } from '../../../../src/vault/login.js';

class Recorder implements RunCaps {
  readonly secrets: string[] = [];
  readonly state = new Map<string, string>();
  readonly outputs = new Map<string, string>();
  readonly env = new Map<string, string>();
  readonly log: string[] = [];
  readonly warnings: string[] = [];
  summaries = '';
  /** values handed out (output, env, state) before they were registered with secret() */
  readonly unmasked: string[] = [];
  private handed(v: string): void {
    if (!this.secrets.includes(v)) this.unmasked.push(v);
  }
  async idToken(): Promise<string> {
    throw new Error('no OIDC token in this test');
  }
  secret(v: string): void {
    this.secrets.push(v);
  }
  debug(m: string): void {
    this.log.push(`debug: ${m}`);
  }
  info(m: string): void {
    this.log.push(m);
  }
  warning(m: string, _p?: AnnotationProps): void {
    this.warnings.push(m);
  }
  saveState(k: string, v: string): void {
    this.handed(v);
    this.state.set(k, v);
  }
  output(k: string, v: string): void {
    this.handed(v);
    this.outputs.set(k, v);
  }
  exportEnv(k: string, v: string): void {
    this.handed(v);
    this.env.set(k, v);
  }
  async summary(md: string): Promise<void> {
    this.summaries += md;
  }
}

let vault: VaultServer;
beforeAll(async () => {
  vault = await new VaultServer().start();
});
afterAll(async () => {
  await vault.stop();
});

function connection(namespace = ''): VaultConnectionOptions {
  return {
    url: vault.url,
    namespace,
    tls: {},
    headers: {},
    timeoutMs: 5000,
    pending: new Set<string>(),
    retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10, deadlineMs: 5000 },
  };
}

function config(login: LoginOptions, over: Partial<Config> = {}): Config {
  return { exportToken: true, outputToken: false, revoke: true, timeoutS: 30, login, ...over };
}

function approle(ttl: number): LoginOptions {
  const { roleId, secretId } = vault.approleRole(`deploy-${ttl}`, { token_policies: ['read-secrets'], token_ttl: ttl });
  return {
    connection: connection(),
    token: '',
    method: 'approle',
    role: '',
    proxy: {},
    params: { method: 'approle', mount: 'approle', role: '', audience: vault.url, roleId, secretId },
  };
}

describe('vault-login run', () => {
  it('a given token: looked up, handed out, exported, never saved for revocation', async () => {
    const token = vault.createToken({ policies: ['read-secrets'], ttl: 3600 });
    const r = new Recorder();
    await run(config({ connection: connection(), token, method: 'token', role: '', proxy: {} }), r);
    expect(r.outputs.get('token')).toBe(token);
    expect(r.outputs.has('vault_token')).toBe(false);
    expect(r.outputs.get('accessor')).not.toBe('');
    expect([r.env.get('VAULT_ADDR'), r.env.get('VAULT_TOKEN'), r.env.has('VAULT_NAMESPACE')]).toEqual([vault.url, token, false]);
    expect(r.state.size).toBe(0);
    expect(r.log).toContain('The token was given, not created here: it will not be revoked.');
    expect(r.summaries).toContain('| Method | token (given) |');
    expect(r.unmasked).not.toContain(token);
  });

  it('a login this step made: the token is masked before it is saved, output or exported, and saved for post', async () => {
    const r = new Recorder();
    await run(config(approle(3600), { outputToken: true }), r);
    const token = r.outputs.get('token') ?? '';
    expect(token).not.toBe('');
    expect(r.secrets).toContain(token);
    expect(r.unmasked).not.toContain(token);
    expect(r.outputs.get('vault_token')).toBe(token);
    expect(Object.fromEntries(r.state)).toEqual({ token, url: vault.url, namespace: '' });
    expect(r.summaries).toContain('| Auth mount | auth/approle |');
    expect(r.summaries).toContain('| Revoked at job end | yes |');
    expect(r.warnings).toEqual([]);
  });

  it('revoke: false and export-token: false: nothing saved, nothing exported', async () => {
    const r = new Recorder();
    await run(config(approle(3600), { revoke: false, exportToken: false }), r);
    expect(r.state.size).toBe(0);
    expect(r.env.size).toBe(0);
    expect(r.log).toContain('revoke is false: the token stays valid until its TTL ends.');
    expect(r.summaries).toContain('| Exported | nothing (export-token: false) |');
  });

  it('a token that ends within 10 minutes is a warning, in the summary too', async () => {
    const r = new Recorder();
    await run(config(approle(300)), r);
    expect(r.warnings).toEqual([expect.stringMatching(/^The Vault token expires in 5m, likely before the job ends/)]);
    expect(r.summaries).toContain('> [!WARNING]');
  });

  it('the step timeout names the calls still pending, and nothing is handed out', async () => {
    const r = new Recorder();
    const login = approle(3600);
    const hang = (o: LoginOptions): Promise<never> => {
      o.connection.pending.add('POST auth/approle/login');
      return new Promise<never>(() => undefined);
    };
    const err = await run(config(login, { timeoutS: 0.05 }), r, hang).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect((err as Error).message).toMatch(/did not finish within 0.05s .*still pending: POST auth\/approle\/login/);
    expect([r.outputs.size, r.env.size, r.state.size]).toEqual([0, 0, 0]);
  });

  it('ttlText', () => {
    expect([ttlText(0), ttlText(59), ttlText(3600), ttlText(5400), ttlText(3661)]).toEqual(['no expiry', '59s', '1h', '1h30m', '1h1m1s']);
  });
});
