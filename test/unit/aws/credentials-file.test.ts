import { describe, expect, it } from '@jest/globals';
import { credentialsIni, configIni } from '../../../src/aws/credentials-file.js';

describe('credentials files', () => {
  it('writes the profile formats the SDKs read', () => {
    const c = { accessKeyId: 'ASIAXXXXXXXXXXXXXXXX', secretAccessKey: 'sec/ret+key', sessionToken: 'tok', expiration: new Date() };
    expect(credentialsIni('default', c)).toBe(
      '[default]\naws_access_key_id = ASIAXXXXXXXXXXXXXXXX\naws_secret_access_key = sec/ret+key\naws_session_token = tok\n',
    );
    expect(configIni('default', 'eu-west-1')).toBe('[default]\nregion = eu-west-1\n');
    expect(configIni('ci', 'eu-west-1')).toBe('[profile ci]\nregion = eu-west-1\n');
  });
});
