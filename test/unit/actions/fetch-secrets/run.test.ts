/**
 * fetch-secrets' run over a Config (no runner process): a recording Runner, a fake Vault (a
 * SecretSource answering from a map) and a fake cloud Store. Vault-only, store-only and both;
 * on any failure nothing reaches the job (no env var, no output, no file, no token).
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../../../src/actions/fetch-secrets/config.js';
import { run, type Sources } from '../../../../src/actions/fetch-secrets/run.js';
import { RemoteError } from '../../../../src/core/errors.js';
import type { JsonObject } from '../../../../src/core/json.js';
import type { Store } from '../../../../src/secrets/store.js';
import type { StoreSelector } from '../../../../src/stores/selector.js';
import type { Answer } from '../../../../src/vault/fetch.js';
import { RecordingRunner } from '../../helpers/recording-runner.js';

const VAULT = { url: 'https://vault.example.test:8200', token: 'hvs.test-token-value' };
const APP = { api_key: 'vault-api-key-1234', user: 'svc-user-5678' };
const DB = { password: 'store-db-password-9012', host: 'db.internal' };

/** A fake Vault: KV v1 paths answered from `paths`; it counts logins and reads. */
function fakeVault(paths: Record<string, JsonObject>) {
  const calls = { logins: 0, reads: [] as string[], closed: 0 };
  const vault: Sources['vault'] = async (opts) => {
    calls.logins++;
    return {
      token: opts.token,
      created: false,
      method: opts.method,
      ttl: 0,
      connection: opts.connection,
      source: {
        async request(_method, path): Promise<Answer> {
          calls.reads.push(path);
          const data = paths[path];
          return data ? { found: true, leaseId: '', leaseDuration: 0, renewable: false, data, mountType: 'kv' } : { found: false, deleted: false };
        },
        async mountInfo() {
          return { path: 'secret/', type: 'kv', kvVersion: 1 };
        },
        async policies() {
          return [];
        },
        debug() {},
      },
      async close() {
        calls.closed++;
      },
    };
  };
  return { vault, calls };
}

/** A fake cloud store answering every id with `value`, or failing with `error`. */
function fakeStore(value: string, error?: Error) {
  const calls = { loads: 0, fetches: [] as string[], closed: 0 };
  const loadStore = async (): Promise<Store<StoreSelector>> => {
    calls.loads++;
    return {
      async fetch(sel) {
        calls.fetches.push(sel.id);
        if (error) throw error;
        return [{ sel, value, source: `${sel.store}:${sel.id}` }];
      },
      async close() {
        calls.closed++;
      },
    };
  };
  return { loadStore, calls };
}

const noVault: Sources['vault'] = async () => {
  throw new Error('Vault must not be called');
};

function setup(secrets: string, more: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'fetch-run-'));
  const r = new RecordingRunner(dir, {}, { ...VAULT, 'aws-region': 'eu-west-1', secrets, ...more });
  return { r, dir, config: readConfig(r) };
}

/** Nothing reached the job: no env var, output, file, state or token. */
function nothingInjected(r: RecordingRunner, dir: string): void {
  expect([...r.exported.keys()]).toEqual([]);
  expect([...r.outputs.keys()]).toEqual([]);
  expect(readdirSync(dir)).toEqual([]);
}

describe('fetch-secrets run', () => {
  it('Vault only: values in env and outputs, masked first; the store layer is never loaded', async () => {
    const { r, dir, config } = setup('secret/app api_key | API_KEY\nsecret/app user');
    const v = fakeVault({ 'secret/app': APP });
    const s = fakeStore('{}');
    await run(config, r, { vault: v.vault, loadStore: s.loadStore });
    expect(r.exported.get('API_KEY')).toBe(APP.api_key);
    expect(r.outputs.get('user')).toBe(APP.user);
    expect(r.unmasked).toEqual([]);
    expect(v.calls).toEqual({ logins: 1, reads: ['secret/app'], closed: 1 });
    expect(s.calls.loads).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stores only: no Vault login, the store is read and closed', async () => {
    const { r, config } = setup('aws-sm:prod/db password | DB_PASSWORD\naws-sm:prod/db host | DB_HOST', { url: '', token: '' });
    expect(config.login).toBeUndefined();
    const s = fakeStore(JSON.stringify(DB));
    await run(config, r, { vault: noVault, loadStore: s.loadStore });
    expect(r.exported.get('DB_PASSWORD')).toBe(DB.password);
    expect(r.exported.get('DB_HOST')).toBe(DB.host);
    expect(r.unmasked).toEqual([]);
    expect(s.calls).toEqual({ loads: 1, fetches: ['prod/db'], closed: 1 });
  });

  it('both: Vault and the store in one step, files written 0600 for file sinks', async () => {
    const { r, config } = setup('secret/app api_key | file:API_KEY\naws-sm:prod/db password | DB_PASSWORD');
    const v = fakeVault({ 'secret/app': APP });
    const s = fakeStore(JSON.stringify(DB));
    await run(config, r, { vault: v.vault, loadStore: s.loadStore });
    expect(r.exported.get('DB_PASSWORD')).toBe(DB.password);
    expect(r.exported.get('API_KEY')).toMatch(/API_KEY$/);
    expect(r.secrets).toEqual(expect.arrayContaining([APP.api_key, DB.password]));
    expect(r.unmasked.filter((x) => !x.endsWith('API_KEY'))).toEqual([]);
    expect(r.log.join('\n')).toContain('from 1 Vault path(s) and 1 cloud store read(s)');
  });

  it('a store failure injects nothing, not even the Vault values that were read', async () => {
    const { r, dir, config } = setup('secret/app api_key | file:API_KEY\naws-sm:prod/db password | DB_PASSWORD');
    const v = fakeVault({ 'secret/app': APP });
    const s = fakeStore('', new RemoteError('AccessDeniedException on prod/db', { service: 'Secrets Manager', status: 400, retryable: false }));
    await expect(run(config, r, { vault: v.vault, loadStore: s.loadStore })).rejects.toThrow(/AccessDenied/);
    nothingInjected(r, dir);
    expect(v.calls.closed).toBe(1);
  });

  it('a Vault failure (a missing key) injects nothing, not even the store values that were read', async () => {
    const { r, dir, config } = setup('secret/app nope | NOPE\naws-sm:prod/db password | DB_PASSWORD');
    const s = fakeStore(JSON.stringify(DB));
    await expect(run(config, r, { vault: fakeVault({ 'secret/app': APP }).vault, loadStore: s.loadStore })).rejects.toThrow(
      /line 1: secret\/app has no key "nope"/,
    );
    nothingInjected(r, dir);
    expect(s.calls.closed).toBe(1);
  });

  it('a name set by a Vault line and a store line fails before anything is injected', async () => {
    const { r, dir, config } = setup('secret/app api_key | SAME\naws-sm:prod/db password | SAME');
    await expect(run(config, r, { vault: fakeVault({ 'secret/app': APP }).vault, loadStore: fakeStore(JSON.stringify(DB)).loadStore })).rejects.toThrow(
      /both set SAME/,
    );
    nothingInjected(r, dir);
  });
});
