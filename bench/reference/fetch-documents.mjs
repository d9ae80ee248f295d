// Lint reference: fetch the discovery document and the JWKS it names, parse both, check nothing.
import { Buffer } from 'node:buffer';
import https from 'node:https';

function getJson(url) {
  return new Promise((resolve, reject) => {
    https
      .get(url, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      })
      .on('error', reject);
  });
}

const discovery = await getJson(`${process.env.INPUT_ISSUER}/.well-known/openid-configuration`);
const jwks = await getJson(discovery.jwks_uri);
console.log(`${Object.keys(discovery).length} members, ${jwks.keys.length} keys`);
