/** Payments, commerce and finance: Stripe, Square, PayPal/Braintree, Shopify, Plaid, exchanges, shipping. */
import { CH, kv, tk, toToml, type RuleDef } from './build.js';

const { AN, LN, HEX, URL, UN, D } = CH;
const UUID = String.raw`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`;
const uuid = (): [string, string, number, string] => ['', HEX, 8, '-4a2b-8c3d-9e4f-0a1b2c3d4e5f'];

export const PAYMENT_RULES: RuleDef[] = [
  tk('stripe-access-token', 'Stripe secret or restricted API key', '(?:sk|rk)_(?:test|live|prod)_[a-zA-Z0-9]{10,99}', ['sk_test', 'sk_live', 'sk_prod', 'rk_test', 'rk_live', 'rk_prod'], ['sk_live_', AN, 24], 2),
  tk('stripe-webhook-secret', 'Stripe webhook signing secret', 'whsec_[a-zA-Z0-9]{32,64}', ['whsec_'], ['whsec_', AN, 32], 3),
  tk('square-access-token', 'Square access token', String.raw`(?:EAAA|sq0atp-)[\w-]{22,60}`, ['sq0atp-', 'eaaa'], ['EAAA', URL, 60], 2),
  tk('square-secret', 'Square OAuth application secret', String.raw`sq0csp-[\w-]{43}`, ['sq0csp-'], ['sq0csp-', URL, 43], 2),
  tk('paypal-braintree-access-token', 'PayPal / Braintree access token', String.raw`access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}`, ['access_token$'], ['access_token$production$abcdefgh12345678$', HEX, 32], 3),
  kv('paypal-client-secret', 'PayPal REST client secret', 'paypal', '[A-Za-z0-9_-]{80}', ['paypal'], ['E', URL, 79], 3.5, 'PAYPAL_CLIENT_SECRET'),
  tk('adyen-api-key', 'Adyen API key', String.raw`AQE[A-Za-z0-9]{2}[A-Za-z0-9+/=_-]{100,250}`, ['aqe'], ['AQEab', AN, 120], 4),
  tk('shopify-access-token', 'Shopify access token', 'shpat_[a-fA-F0-9]{32}', ['shpat_'], ['shpat_', HEX, 32], 2),
  tk('shopify-custom-access-token', 'Shopify custom app access token', 'shpca_[a-fA-F0-9]{32}', ['shpca_'], ['shpca_', HEX, 32], 2),
  tk('shopify-private-app-access-token', 'Shopify private app access token', 'shppa_[a-fA-F0-9]{32}', ['shppa_'], ['shppa_', HEX, 32], 2),
  tk('shopify-shared-secret', 'Shopify app shared secret', 'shpss_[a-fA-F0-9]{32}', ['shpss_'], ['shpss_', HEX, 32], 2),
  tk('flutterwave-secret-key', 'Flutterwave secret key', 'FLWSECK(?:_TEST)?-[a-hA-H0-9]{32}-X', ['flwseck'], ['FLWSECK_TEST-', 'abcdef0123456789', 32, '-X'], 2),
  tk('flutterwave-public-key', 'Flutterwave public key', 'FLWPUBK(?:_TEST)?-[a-hA-H0-9]{32}-X', ['flwpubk'], ['FLWPUBK_TEST-', 'abcdef0123456789', 32, '-X'], 2),
  tk('flutterwave-encryption-key', 'Flutterwave encryption key', 'FLWSECK_TEST-[a-hA-H0-9]{12}', ['flwseck_test'], ['FLWSECK_TEST-', 'abcdef0123456789', 12], 2),
  kv('gocardless-api-token', 'GoCardless access token', 'gocardless', 'live_[A-Za-z0-9_=-]{40}', ['gocardless'], ['live_', URL, 40], 3),
  kv('plaid-api-token', 'Plaid access token', 'plaid', `access-(?:sandbox|development|production)-${UUID}`, ['plaid'], ['access-production-', HEX, 8, '-4a2b-8c3d-9e4f-0a1b2c3d4e5f'], 0),
  kv('plaid-client-id', 'Plaid client ID', 'plaid', '[a-z0-9]{24}', ['plaid'], ['', LN, 24], 3.5),
  kv('plaid-secret-key', 'Plaid secret', 'plaid', '[a-z0-9]{30}', ['plaid'], ['', LN, 30], 3.5),
  kv('coinbase-access-token', 'Coinbase API secret', 'coinbase', '[a-z0-9_-]{64}', ['coinbase'], ['', LN, 64], 3),
  kv('kraken-access-token', 'Kraken API private key', 'kraken', '[a-z0-9/=_+-]{80,90}', ['kraken'], ['', LN, 86], 3),
  kv('kucoin-access-token', 'KuCoin API key', 'kucoin', '[a-f0-9]{24}', ['kucoin'], ['', HEX, 24], 3),
  kv('kucoin-secret-key', 'KuCoin API secret', 'kucoin', UUID, ['kucoin'], uuid(), 0),
  kv('bittrex-access-key', 'Bittrex API key', 'bittrex', '[a-z0-9]{32}', ['bittrex'], ['', LN, 32], 3),
  kv('bittrex-secret-key', 'Bittrex API secret', 'bittrex', '[a-z0-9]{32}', ['bittrex'], ['', LN, 32], 3),
  kv('finicity-api-token', 'Finicity API token', 'finicity', '[a-f0-9]{32}', ['finicity'], ['', HEX, 32], 3),
  kv('finicity-client-secret', 'Finicity client secret', 'finicity', '[a-z0-9]{20}', ['finicity'], ['', LN, 20], 3),
  kv('finnhub-access-token', 'Finnhub API key', 'finnhub', '[a-z0-9]{20}', ['finnhub'], ['', LN, 20], 3),
  tk('shippo-api-token', 'Shippo API token', 'shippo_(?:live|test)_[a-fA-F0-9]{40}', ['shippo_'], ['shippo_live_', HEX, 40], 2),
  tk('easypost-api-token', 'EasyPost production API key', 'EZAK[a-zA-Z0-9]{54}', ['ezak'], ['EZAK', AN, 54], 2),
  tk('easypost-test-api-token', 'EasyPost test API key', 'EZTK[a-zA-Z0-9]{54}', ['eztk'], ['EZTK', AN, 54], 2),
  tk('duffel-api-token', 'Duffel API token', 'duffel_(?:test|live)_[A-Za-z0-9_=-]{43}', ['duffel_'], ['duffel_live_', URL, 43], 2),
  kv('lob-api-key', 'Lob API key', 'lob', '(?:live|test)_[a-f0-9]{35}', ['lob'], ['live_', HEX, 35], 2, 'LOB_API_KEY'),
  kv('lob-pub-api-key', 'Lob publishable API key', 'lob', '(?:test|live)_pub_[a-f0-9]{31}', ['lob'], ['live_pub_', HEX, 31], 2, 'LOB_PUB_KEY'),
  kv('etsy-access-token', 'Etsy API key', 'etsy', '[a-z0-9]{24}', ['etsy'], ['', LN, 24], 3),
  kv('squarespace-access-token', 'Squarespace API key', 'squarespace', UUID, ['squarespace'], uuid(), 0),
  kv('freshbooks-access-token', 'FreshBooks access token', 'freshbooks', '[a-z0-9]{64}', ['freshbooks'], ['', LN, 64], 3),
  {
    id: 'freemius-secret-key', description: 'Freemius secret key in PHP', path: String.raw`(?i)\.php$`,
    regex: String.raw`(?i)["']secret_key["']\s*=>\s*["'](sk_[\S]{29})["']`, keywords: ['secret_key'], sample: { prefix: 'sk_', chars: AN, len: 29, kv: 'freemius' },
  },
  kv('sidekiq-secret', 'Sidekiq Pro / Enterprise credentials', 'BUNDLE_ENTERPRISE__CONTRIBSYS__COM|BUNDLE_GEMS__CONTRIBSYS__COM', '[a-f0-9]{8}:[a-f0-9]{8}', ['bundle_enterprise__contribsys__com', 'bundle_gems__contribsys__com'], ['', HEX, 8, ':0a1b2c3d'], 0, 'BUNDLE_GEMS__CONTRIBSYS__COM'),
  {
    id: 'sidekiq-sensitive-url', description: 'Sidekiq Pro / Enterprise gem source URL with credentials',
    regex: String.raw`(?i)\bhttps?://([a-f0-9]{8}:[a-f0-9]{8})@(?:gems|enterprise)\.contribsys\.com(?:[/#?:]|$)`,
    keywords: ['gems.contribsys.com', 'enterprise.contribsys.com'], sample: { prefix: '', chars: HEX, len: 8, suffix: ':0a1b2c3d', kv: 'sidekiq-url' },
  },
];
void D; void UN;

export const PAYMENT_TOML = toToml(PAYMENT_RULES);
