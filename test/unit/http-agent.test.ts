import type { RequestOptions } from 'node:http';
import { Agent } from 'node:https';
import { describe, expect, it } from 'vitest';
import { requestOptions } from '../../src/http.js';

/** The options @actions/http-client hands its handlers, with the agent it chose. */
function prepared(reuse: boolean, agent: RequestOptions['agent']): RequestOptions {
  const options: RequestOptions = { agent };
  requestOptions(new AbortController().signal, reuse).prepareRequest(options);
  return options;
}

describe('requestOptions', () => {
  it('always attaches the deadline signal', () => {
    const signal = new AbortController().signal;
    const options: RequestOptions = {};
    requestOptions(signal, false).prepareRequest(options);
    expect(options.signal).toBe(signal);
  });

  it('swaps the plain per-client agent for one shared keep-alive agent when reuse is asked', () => {
    const first = prepared(true, new Agent());
    const second = prepared(true, new Agent());
    expect(first.agent).toBeInstanceOf(Agent);
    expect((first.agent as Agent & { keepAlive: boolean }).keepAlive).toBe(true);
    expect(second.agent).toBe(first.agent);
  });

  it("leaves the client's agent alone without reuse", () => {
    const own = new Agent();
    expect(prepared(false, own).agent).toBe(own);
  });

  it("never replaces a proxy's tunnelling agent", () => {
    // The tunnel package's agents are not https.Agent instances; a subclass stands for any other agent.
    class TunnellingAgent extends Agent {}
    const tunnel = new TunnellingAgent();
    expect(prepared(true, tunnel).agent).toBe(tunnel);
  });
});
