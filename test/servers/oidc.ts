/**
 * A CI OIDC issuer on 127.0.0.1 (wire-facts.md §6, §7): GitHub's token service
 * (GET <url>?api-version=2.0&audience=X with a bearer request token, answers {"value": jwt}),
 * discovery and JWKS at GitHub's and GitLab's paths, and real RS256 JWTs signed with jose.
 */
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import { listen, sendJson, type Started } from './http.js';

export interface IssuerOptions {
  /** claims merged into every GitHub-style token */
  claims?: Record<string, unknown>;
  /** serve the issuer under a path, e.g. '/_services/token' (GitHub Enterprise Server): iss, discovery and JWKS move there */
  path?: string;
}

export class OidcIssuer {
  started!: Started;
  /** the bearer token the runner's token service demands */
  readonly requestToken = `rt-${randomUUID()}-${randomUUID()}`;
  requests = 0;
  /** statuses to answer the next token requests with (then normal service) */
  failNext: number[] = [];
  /** every JWT handed out, so tests can assert none is printed */
  readonly issued: string[] = [];
  claims: Record<string, unknown>;
  private privateKey!: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  private jwk!: JWK;
  readonly kid = `kid-${randomUUID().slice(0, 8)}`;

  readonly path: string;

  constructor(opts: IssuerOptions = {}) {
    this.claims = opts.claims ?? {};
    this.path = (opts.path ?? '').replace(/\/$/, '');
  }

  get url(): string {
    return this.started.url;
  }

  /** The `iss` of the tokens: the URL, plus the path when one was given. */
  get issuer(): string {
    return `${this.url}${this.path}`;
  }

  /** What a job's env needs to get tokens from this issuer on GitHub. */
  get githubEnv(): Record<string, string> {
    return { ACTIONS_ID_TOKEN_REQUEST_URL: `${this.url}/token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: this.requestToken };
  }

  async start(): Promise<this> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    this.privateKey = privateKey;
    this.jwk = { ...(await exportJWK(publicKey)), kid: this.kid, alg: 'RS256', use: 'sig' };
    this.started = await listen((req, res) => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (this.path && u.pathname.startsWith(`${this.path}/.well-known/`)) u.pathname = u.pathname.slice(this.path.length);
      if (u.pathname === '/.well-known/openid-configuration') {
        return sendJson(res, 200, {
          issuer: this.issuer,
          jwks_uri: `${this.issuer}/.well-known/jwks`,
          id_token_signing_alg_values_supported: ['RS256'],
          claims_supported: Object.keys(this.githubClaims('x')),
        });
      }
      if (u.pathname === '/.well-known/jwks' || u.pathname === '/oauth/discovery/keys') return sendJson(res, 200, { keys: [this.jwk] });
      if (u.pathname === '/token') {
        this.requests++;
        const fail = this.failNext.shift();
        if (fail) return sendJson(res, fail, { message: 'injected failure' });
        if (req.headers.authorization !== `Bearer ${this.requestToken}`) return sendJson(res, 401, { message: 'bad request token' });
        const aud = u.searchParams.get('audience') ?? 'https://github.com/octo-org';
        void this.sign({ ...this.githubClaims(aud) }).then((value) => sendJson(res, 200, { value }));
        return;
      }
      sendJson(res, 404, { message: 'not found' });
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.started.close();
  }

  githubClaims(aud: string): Record<string, unknown> {
    return {
      aud,
      sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      ref: 'refs/heads/main',
      sha: 'a'.repeat(40),
      repository: 'octo-org/octo-repo',
      repository_owner: 'octo-org',
      repository_owner_id: '65',
      repository_id: '1296269',
      repository_visibility: 'private',
      run_id: '4242',
      run_number: '7',
      run_attempt: '1',
      actor: 'octocat',
      actor_id: '583231',
      workflow: 'CI',
      workflow_ref: 'octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/main',
      job_workflow_ref: 'octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/main',
      event_name: 'push',
      ref_type: 'branch',
      runner_environment: 'github-hosted',
      ...this.claims,
    };
  }

  gitlabClaims(aud: string | string[]): Record<string, unknown> {
    return {
      aud,
      sub: 'project_path:my-group/my-project:ref_type:branch:ref:main',
      namespace_id: '72',
      namespace_path: 'my-group',
      project_id: '20',
      project_path: 'my-group/my-project',
      user_id: '5',
      user_login: 'alice',
      pipeline_id: '1212',
      pipeline_source: 'push',
      job_id: '499',
      ref: 'main',
      ref_type: 'branch',
      ref_path: 'refs/heads/main',
      ref_protected: 'true',
      runner_id: 1,
      runner_environment: 'self-hosted',
      sha: 'b'.repeat(40),
    };
  }

  /** Signs a token with this issuer's key: iat now, nbf iat-600 (GitHub), exp iat+300 unless given. */
  async sign(claims: Record<string, unknown>, opts: { expiresIn?: number; notBefore?: number; kid?: string } = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const jwt = await new SignJWT({ nbf: now - 600, exp: now + (opts.expiresIn ?? 300), ...claims })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: opts.kid ?? this.kid })
      .setIssuer(this.issuer)
      .setIssuedAt(now)
      .setJti(randomUUID())
      .sign(this.privateKey);
    this.issued.push(jwt);
    return jwt;
  }

  /** A GitLab `id_tokens:` token for an audience. */
  async gitlabToken(aud: string | string[], extra: Record<string, unknown> = {}): Promise<string> {
    return this.sign({ ...this.gitlabClaims(aud), ...extra });
  }
}
