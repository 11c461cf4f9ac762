import { describe, expect, it } from '@jest/globals';
import { parseNoProxy, shouldProxy } from '../../../src/core/no-proxy.js';

const via = (url: string, noProxy: string) => shouldProxy(new URL(url), parseNoProxy(noProxy));

describe('NO_PROXY', () => {
  it.each([
    ['https://vault.example.com/v1', '', true],
    ['https://vault.example.com/v1', '*', false],
    ['https://vault.example.com/v1', 'vault.example.com', false],
    ['https://vault.example.com/v1', 'example.com', true],
    ['https://vault.example.com/v1', '.example.com', false],
    ['https://vault.example.com/v1', '*.example.com', false],
    ['https://vault.example.com:8200/v1', 'vault.example.com:8200', false],
    ['https://vault.example.com:8200/v1', 'vault.example.com:443', true],
    ['https://vault.example.com/v1', 'VAULT.example.com:443', false],
    ['http://127.0.0.1:8080/x', 'localhost, 127.0.0.1', false],
    ['http://[::1]:8080/x', '[::1]', false],
    ['https://sts.us-east-1.amazonaws.com/', 'internal.corp,.svc', true],
  ])('%s with NO_PROXY=%j goes through the proxy: %s', (url, noProxy, expected) => {
    expect(via(url, noProxy)).toBe(expected);
  });
});
