import type * as Undici from 'undici';
import { loadBeside } from './load-beside.js';

// The bundles see this file as `undici` (an alias in scripts/package.mjs). @actions/http-client imports undici
// at the top only for the ProxyAgent of its fetch path (getAgentDispatcher), which this action never takes:
// parsing and evaluating undici there cost tens of milliseconds at every start. The real undici, bundled as
// dist/undici.js, is loaded when a ProxyAgent is first made, and that agent is the real one.

type UndiciModule = typeof Undici;
let undici: UndiciModule | undefined;

export class ProxyAgent {
  constructor(...options: ConstructorParameters<UndiciModule['ProxyAgent']>) {
    undici ??= loadBeside<UndiciModule>('undici.js');
    // A constructor may return another object: callers get undici's own agent, with all its behaviour.
    return new undici.ProxyAgent(...options);
  }
}
