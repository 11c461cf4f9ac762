import { describe, expect, it } from '@jest/globals';
import { UserError } from '../../../src/core/errors.js';
import { parseSecretsInput, parseSelector } from '../../../src/vault/selector.js';

const one = (text: string) => parseSelector(1, text);

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('expected a UserError');
}

describe('selector forms', () => {
  it('key with a name', () => {
    expect(one('secret/data/ci/app api_key | API_KEY')).toMatchObject({
      path: 'secret/data/ci/app',
      field: { segments: ['api_key'] },
      sink: 'env',
      name: 'API_KEY',
      outputName: 'API_KEY',
      named: true,
    });
  });
  it('key without a name: upper-cased env, key-cased output', () => {
    expect(one('secret/data/ci/app db-pass.word')).toMatchObject({ name: 'DBPASS__WORD', outputName: 'dbpass__word', named: false });
  });
  it('version pin', () => {
    expect(one('secret/data/ci/app?version=3 k')).toMatchObject({ path: 'secret/data/ci/app', version: 3 });
  });
  it('leading slash and v1/ are tolerated', () => {
    expect(one('/v1/secret/data/x k').path).toBe('secret/data/x');
  });
  it('wildcard with and without prefix', () => {
    expect(one('secret/data/ci/app *')).toMatchObject({ field: '*', name: '', named: false });
    expect(one('secret/data/ci/app * | APP_')).toMatchObject({ field: '*', name: 'APP_', named: true });
  });
  it('file sinks', () => {
    expect(one('secret/data/tls cert | file:TLS_CERT')).toMatchObject({ sink: 'file', name: 'TLS_CERT' });
    expect(one('secret/data/app * | dotenv:APP_ENV')).toMatchObject({ sink: 'dotenv', name: 'APP_ENV' });
    expect(one('secret/data/app * | JSON: APP_JSON')).toMatchObject({ sink: 'json', name: 'APP_JSON' });
  });
  it('PKI write form', () => {
    const s = one('pki/issue/web common_name=app.example.com ttl=1h | file:TLS');
    expect(s).toMatchObject({ path: 'pki/issue/web', params: { common_name: 'app.example.com', ttl: '1h' }, field: null, sink: 'file', name: 'TLS' });
    expect(one('pki/issue/web-server common_name=a.example.com').name).toBe('WEBSERVER');
  });
  it('generic write form with a key', () => {
    expect(one('aws/sts/deploy ttl=15m * | AWS_')).toMatchObject({ params: { ttl: '15m' }, field: '*' });
    expect(one('pki/issue/web common_name="a.example.com" certificate | CERT').params).toEqual({ common_name: 'a.example.com' });
  });
});

describe('errors name the line and the problem', () => {
  it.each([
    ['secret/data/app', /line 1 .*name a key after the path/],
    ['secret/data/app a b', /line 1 .*expected one key/],
    ['secret/data/app k |', /nothing after "\|"/],
    ['secret/data/app k | 1BAD', /not a valid variable name/],
    ['secret/data/app k | file:', /nothing after/],
    ['secret/data/app?ver=2 k', /only "\?version=N"/],
    ['secret/data/app?version=0 k', /1 or more/],
    ['secret//app k', /empty, "." or ".." segment/],
    ['secret/data/app a..b', /empty part/],
    ['aws/sts/x ttl=1h', /name the key to take/],
    ['pki/issue/web?version=2 common_name=x', /a line with parameters is a write/],
    ['pki/issue/web common_name=x | dotenv:X', /PKI bundle/],
    ['secret/data/app "k', /not closed/],
  ])('%s', (text, re) => {
    const e = errorOf(() => one(text));
    expect(e.message).toMatch(re);
    expect(e.message).toContain('"secrets"');
  });
  it('counts lines across blank lines and semicolons', () => {
    const e = errorOf(() => parseSecretsInput('secret/data/a k\n\nsecret/data/b k2; secret/data/c'));
    expect(e.message).toMatch(/^line 3 /);
  });
  it('an empty input is an error', () => {
    expect(errorOf(() => parseSecretsInput(' \n# only a comment\n')).message).toMatch(/no selector given/);
  });
});

describe('collisions', () => {
  it('two selectors, one env name: both lines named', () => {
    const e = errorOf(() => parseSecretsInput('secret/data/a api-key\nsecret/data/b apikey'));
    expect(e.message).toMatch(/line 1 \("secret\/data\/a api-key"\) and line 2 \("secret\/data\/b apikey"\) both set APIKEY/);
  });
  it('explicit names collide too, also on one line', () => {
    expect(errorOf(() => parseSecretsInput('secret/data/a x | N; secret/data/b y | N')).message).toMatch(/line 1 .* both set N/);
  });
  it('a PKI bundle claims three names', () => {
    expect(errorOf(() => parseSecretsInput('pki/issue/web common_name=x | file:TLS\nsecret/data/a k | TLS_KEY')).message).toMatch(/both set TLS_KEY/);
  });
  it('distinct names pass', () => {
    expect(parseSecretsInput('secret/data/a k\nsecret/data/a k2\nsecret/data/a *')).toHaveLength(3);
  });
});
