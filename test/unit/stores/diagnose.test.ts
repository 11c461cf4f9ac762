import { describe, expect, test } from '@jest/globals';
import { UnsecuredJWT } from 'jose';
import { diagnoseAzureExchange, diagnoseGcpExchange, diagnoseGcpImpersonation, tokenFacts } from '../../../src/stores/diagnose.js';
import { readClaims } from '../../../src/core/jwt.js';

const PROVIDER = 'projects/42/locations/global/workloadIdentityPools/pool/providers/gh';
const jwt = new UnsecuredJWT({ sub: 'repo:o/r:ref:refs/heads/main', aud: 'api://AzureADTokenExchange', repository_owner: 'o', repository: 'o/r' })
  .setIssuer('https://token.actions.githubusercontent.com')
  .encode();

describe('diagnose', () => {
  test('token facts never include the token', () => {
    const t = tokenFacts(readClaims(jwt));
    expect(t).toContain('iss "https://token.actions.githubusercontent.com"');
    expect(t).toContain('repository_owner "o"');
    expect(t).not.toContain(jwt);
    expect(tokenFacts(readClaims('garbage'))).toBe('the OIDC token could not be decoded');
  });
  test('GCP: condition, audience, provider name', () => {
    expect(diagnoseGcpExchange(jwt, PROVIDER, 'unauthorized_client')).toContain("assertion.repository_owner == 'o'");
    expect(diagnoseGcpExchange(jwt, PROVIDER, 'invalid_grant')).toContain('allowedAudiences must include "api://AzureADTokenExchange"');
    expect(diagnoseGcpExchange(jwt, PROVIDER, 'invalid_target')).toContain('full provider name');
    expect(diagnoseGcpImpersonation(jwt, PROVIDER, 'sa@p.iam.gserviceaccount.com')).toContain(
      'principal://iam.googleapis.com/projects/42/locations/global/workloadIdentityPools/pool/subject/repo:o/r:ref:refs/heads/main',
    );
  });
  test('Azure: the federated credential to create, per AADSTS code', () => {
    const d = diagnoseAzureExchange(jwt, 'cid', 'tid', [700213]);
    expect(d).toContain('no federated credential of the app has this subject');
    expect(d).toContain('subject "repo:o/r:ref:refs/heads/main"');
    expect(diagnoseAzureExchange(jwt, 'cid', 'tid', [700016])).not.toContain('needs a federated credential');
  });
});
