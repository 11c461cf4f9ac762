/**
 * Which findings can be verified, against which identity endpoint (wire-facts-stores §12), and
 * how the user points a provider elsewhere (`verify-endpoints: github=https://ghes/api/v3`).
 */
import { UserError } from '../../core/errors.js';

export type Provider = 'github' | 'gitlab' | 'slack' | 'stripe' | 'openai' | 'aws';
export const PROVIDERS: readonly Provider[] = ['github', 'gitlab', 'slack', 'stripe', 'openai', 'aws'];

/** Base URLs: GitHub's API root (GHES: https://HOST/api/v3), GitLab's host, and so on. */
export const DEFAULT_ENDPOINTS: Readonly<Record<Provider, string>> = {
  github: 'https://api.github.com',
  gitlab: 'https://gitlab.com',
  slack: 'https://slack.com',
  stripe: 'https://api.stripe.com',
  openai: 'https://api.openai.com',
  aws: 'https://sts.amazonaws.com',
};

const BY_RULE: readonly [RegExp, Provider][] = [
  [/^github-(pat|fine-grained-pat|oauth|app-token)$/, 'github'],
  [/^gitlab-(pat|pat-routable)$/, 'gitlab'],
  [/^slack-(bot|user|app|legacy-bot|legacy|legacy-workspace)-token$|^slack-legacy-token$/, 'slack'],
  [/^stripe-access-token$/, 'stripe'],
  [/^openai-api-key$/, 'openai'],
  [/^aws-access-token$/, 'aws'],
];

export function providerOf(ruleId: string): Provider | null {
  for (const [re, p] of BY_RULE) if (re.test(ruleId)) return p;
  return null;
}

export function parseEndpoints(raw: string): Record<Provider, string> {
  const out: Record<Provider, string> = { ...DEFAULT_ENDPOINTS };
  for (const part of raw
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq).toLowerCase();
    const url = part.slice(eq + 1).replace(/\/+$/, '');
    if (eq < 1 || !(PROVIDERS as readonly string[]).includes(name))
      throw new UserError('verify-endpoints', `expected provider=URL with provider one of ${PROVIDERS.join(', ')}, got "${part.slice(0, 40)}"`);
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new UserError('verify-endpoints', `${name}: "${url.slice(0, 60)}" is not a URL`);
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new UserError('verify-endpoints', `${name}: expected an http(s) URL`);
    if (u.username || u.password || u.search) throw new UserError('verify-endpoints', `${name}: the URL may not carry credentials or a query`);
    out[name as Provider] = url;
  }
  return out;
}
