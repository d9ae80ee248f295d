// Start-up floor: a bare Node script whose first act is the request the action makes first (the runner's
// token service), with nothing loaded but node:https.
import https from 'node:https';

const url = `${process.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(process.env.INPUT_AUDIENCE)}`;
https
  .get(url, { headers: { authorization: `Bearer ${process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` } }, (res) =>
    res.resume(),
  )
  .on('error', (error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
