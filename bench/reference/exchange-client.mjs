// Exchange reference: get the runner's token, post the exchange, append the credential to GITHUB_ENV.
// Nothing else: no checks, no retries, no masking. The floor the action's end-to-end cost is compared with.
import { Buffer } from 'node:buffer';
import { appendFileSync } from 'node:fs';
import https from 'node:https';

function request(url, options = {}, body = undefined) {
  return new Promise((resolve, reject) => {
    const req = https.request(url, options, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const env = process.env;
const audience = env.INPUT_AUDIENCE;
const tokenUrl = `${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(audience)}`;
const token = JSON.parse(
  await request(tokenUrl, { headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` } }),
).value;
const issuer = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).iss;
const answer = JSON.parse(
  await request(
    `${env['INPUT_UNIVERSE-DOMAIN']}/SecureTokenService/ExchangeExternalToken`,
    { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' } },
    JSON.stringify({ audience, issuer_uri: issuer, jwt_token: token }),
  ),
);
appendFileSync(env.GITHUB_ENV, `MONDOO_CONFIG_BASE64=${answer.base64_credential}\n`);
