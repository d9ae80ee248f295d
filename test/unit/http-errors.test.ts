import { describe, expect, it } from 'vitest';
import { describeNetworkError, NetworkError, networkFix } from '../../src/http.js';

const failure = (code: string, message = 'boom') => Object.assign(new Error(message), { code });

describe('describeNetworkError', () => {
  it('calls a host that does not resolve final, so it is not retried', () => {
    const error = describeNetworkError(
      failure('ENOTFOUND', 'getaddrinfo ENOTFOUND us.api.mondo.com'),
      'us.api.mondo.com',
    );
    expect(error.message).toBe('us.api.mondo.com does not resolve (DNS: no such host) (ENOTFOUND)');
    expect(error.retryable).toBe(false);
  });

  it('retries a temporary DNS failure and a refused connection', () => {
    expect(describeNetworkError(failure('EAI_AGAIN'), 'h').retryable).toBe(true);
    expect(describeNetworkError(failure('ECONNREFUSED'), 'h').retryable).toBe(true);
  });

  it('does not retry an untrusted certificate, and names the code', () => {
    const error = describeNetworkError(failure('SELF_SIGNED_CERT_IN_CHAIN'), 'us.api.mondoo.com');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('does not trust (SELF_SIGNED_CERT_IN_CHAIN)');
  });

  it('turns a bare "socket hang up" into words and retries it', () => {
    const error = describeNetworkError(new Error('socket hang up'), 'h');
    expect(error.message).toBe('h closed the connection before answering (socket hang up)');
    expect(error.retryable).toBe(true);
  });

  it('never produces an empty or "undefined" message for an odd error', () => {
    const error = describeNetworkError(undefined, 'h');
    expect(error.message).toBe('request to h failed: undefined');
    expect(error.code).toBe('UNKNOWN');
  });

  it('does not retry failures it does not know, which a second try would repeat', () => {
    expect(describeNetworkError(failure('ERR_SSL_WRONG_VERSION_NUMBER'), 'h').retryable).toBe(false);
    expect(describeNetworkError(failure('ERR_INVALID_CHAR'), 'h').retryable).toBe(false);
  });

  it('calls a certificate that is not valid yet a clock problem', () => {
    const error = describeNetworkError(failure('CERT_NOT_YET_VALID'), 'h');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("not valid yet by this machine's clock");
    expect(networkFix(error, 's')).toContain('clock');
  });
});

describe('networkFix', () => {
  it('points at the setting when the host does not resolve', () => {
    expect(networkFix(new NetworkError('x', 'ENOTFOUND', false), '`universe-domain`')).toBe(
      'Check `universe-domain`: its host name does not resolve.',
    );
  });

  it('does not blame the network for an oversized answer', () => {
    const fix = networkFix(new NetworkError('x', 'TOO_LARGE', false), '`universe-domain`');
    expect(fix).toContain('`universe-domain`');
    expect(fix).not.toMatch(/proxy|firewall/);
  });

  it('tells how to trust a TLS-inspecting proxy', () => {
    expect(networkFix(new NetworkError('x', 'CERT_HAS_EXPIRED', false), 's')).toContain(
      'NODE_EXTRA_CA_CERTS',
    );
  });

  it('suggests proxy settings for connection failures', () => {
    expect(networkFix(new NetworkError('x', 'ECONNRESET', true), 's')).toMatch(/https_proxy/);
  });
});
