import type { RequestOptions } from 'node:http';
import { Agent } from 'node:https';
import { HttpClient } from '@actions/http-client';
import { describe, expect, it } from 'vitest';
import { requestOptions } from '../../src/http.js';
import { guardedLookup } from '../../src/reach.js';

const keepAliveAgent = new Agent({ keepAlive: true });

/** The options @actions/http-client hands its handlers, with the agent it chose. */
function prepared(reuse: boolean, agent: RequestOptions['agent']): RequestOptions {
  const options: RequestOptions = { agent };
  requestOptions(new AbortController().signal, reuse ? { keepAliveAgent } : {}).prepareRequest(options);
  return options;
}

describe('requestOptions', () => {
  it('always attaches the deadline signal', () => {
    const signal = new AbortController().signal;
    const options: RequestOptions = {};
    requestOptions(signal).prepareRequest(options);
    expect(options.signal).toBe(signal);
    expect(options.lookup).toBeUndefined();
  });

  it('attaches the lookup that guards the reach, whatever the agent', () => {
    const lookup = guardedLookup('public');
    for (const agent of [new Agent(), undefined]) {
      const options: RequestOptions = { agent };
      requestOptions(new AbortController().signal, { lookup }).prepareRequest(options);
      expect(options.lookup).toBe(lookup);
    }
  });

  it('swaps the plain per-client agent for the shared keep-alive agent when reuse is asked', () => {
    expect(prepared(true, new Agent()).agent).toBe(keepAliveAgent);
    expect(prepared(true, new Agent()).agent).toBe(keepAliveAgent);
  });

  it("leaves the client's agent alone without reuse", () => {
    const own = new Agent();
    expect(prepared(false, own).agent).toBe(own);
  });

  it("never replaces a proxy's tunnelling agent", () => {
    // The agent @actions/http-client itself picks when https_proxy is set (getAgent sends nothing).
    const saved = process.env.https_proxy;
    process.env.https_proxy = 'http://127.0.0.1:3128';
    try {
      const tunnel = new HttpClient('test').getAgent(
        'https://provider.invalid/.well-known/openid-configuration',
      );
      expect(Object.getPrototypeOf(tunnel)).not.toBe(Agent.prototype);
      expect(prepared(true, tunnel as RequestOptions['agent']).agent).toBe(tunnel);
    } finally {
      if (saved === undefined) delete process.env.https_proxy;
      else process.env.https_proxy = saved;
    }
  });

  it('never replaces an agent of another kind', () => {
    class OtherAgent extends Agent {}
    const other = new OtherAgent();
    expect(prepared(true, other).agent).toBe(other);
  });
});
