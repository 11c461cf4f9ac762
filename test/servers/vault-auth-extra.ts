/**
 * The auth methods hashicorp/vault-action users log in with and the imitation's built-in mounts
 * lack, added through VaultServer.route(): userpass and ldap (auth/<mount>/login/<user>), github
 * (a token the test says belongs to an org member), cert (the TLS client certificate of the
 * connection, matched by fingerprint) and a custom method that takes a JSON payload. Error
 * bodies and statuses as Vault answers them (wire-facts §1: {"errors":[...]}).
 */
import { createHash } from 'node:crypto';
import type { VaultServer } from './vault.js';
import { type Reply, badRequest, err, ok, strField } from './vault-types.js';

interface Policy {
  policies: string[];
  ttl?: number;
}

function issue(v: VaultServer, mount: string, display: string, p: Policy, meta: Record<string, string>): Reply {
  v.counters.logins++;
  const t = v.issueToken({ policies: p.policies, ttl: p.ttl ?? 3600, displayName: `${mount}-${display}`, path: `auth/${mount}/login`, meta });
  return ok(null, { auth: v.authObject(t) });
}

function refuse(v: VaultServer, r: Reply): Reply {
  v.counters.loginFailures++;
  return r;
}

/** userpass or ldap: auth/<mount>/login/<username> with {"password": ...}. */
export function passwordAuth(v: VaultServer, mount: string, users: Record<string, { password: string } & Policy>): void {
  v.route(
    'POST',
    new RegExp(`^auth/${mount}/login/([^/]+)$`),
    (ctx) => {
      const user = ctx.match?.[1] ?? '';
      const password = strField(ctx.body, 'password');
      if (!password) return refuse(v, badRequest('missing password'));
      const u = users[user];
      if (!u || u.password !== password)
        return refuse(v, badRequest(mount.startsWith('ldap') ? 'ldap operation failed: failed to bind as user' : 'invalid username or password'));
      return issue(v, mount, user, u, { username: user });
    },
    { auth: false },
  );
}

/** github: {"token": ...}; tokens map to a user of the configured organization. */
export function githubAuth(v: VaultServer, mount: string, org: string, tokens: Record<string, { user: string } & Policy>): void {
  v.route(
    'POST',
    new RegExp(`^auth/${mount}/login$`),
    (ctx) => {
      const token = strField(ctx.body, 'token');
      if (!token) return refuse(v, badRequest('missing token'));
      const u = tokens[token];
      if (!u) return refuse(v, badRequest(`user is not part of required org ${org}`));
      return issue(v, mount, u.user, u, { org, username: u.user });
    },
    { auth: false },
  );
}

/** cert: the connection's client certificate, matched to a role by SHA-256 fingerprint; {"name": role} picks one. */
export function certAuth(v: VaultServer, mount: string, roles: Record<string, { certPem: string } & Policy>): void {
  const fp = (pem: string): string => {
    const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
    return createHash('sha256')
      .update(der)
      .digest('hex')
      .toUpperCase()
      .replace(/(..)(?!$)/g, '$1:');
  };
  v.route(
    'POST',
    new RegExp(`^auth/${mount}/login$`),
    (ctx) => {
      if (!ctx.peerCert) return refuse(v, badRequest('client certificate must be supplied'));
      const name = strField(ctx.body, 'name');
      const match = Object.entries(roles).find(([n, r]) => (!name || n === name) && fp(r.certPem) === ctx.peerCert?.fingerprint256);
      if (!match) return refuse(v, badRequest('invalid certificate or no client certificate supplied'));
      return issue(v, mount, match[0], match[1], { cert_name: match[0], common_name: ctx.peerCert.cn });
    },
    { auth: false },
  );
}

/** Another method (e.g. okta): the JSON body must equal `expect` exactly. */
export function payloadAuth(v: VaultServer, mount: string, expect: Record<string, unknown>, p: Policy): void {
  v.route(
    'POST',
    new RegExp(`^auth/${mount}/login$`),
    (ctx) => {
      if (JSON.stringify(ctx.body) !== JSON.stringify(expect)) return refuse(v, err(400, 'invalid credentials'));
      return issue(v, mount, 'custom', p, {});
    },
    { auth: false },
  );
}
