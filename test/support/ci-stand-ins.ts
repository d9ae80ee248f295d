import { randomBytes } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sendJson, startHttpsServer, type StubServer } from './https-stub.ts';
import type { TestCa } from './test-ca.ts';

export interface BuildkiteAgent {
  /** Put this folder first on PATH. */
  binDir: string;
  /** Each call's arguments, one line per call. */
  callsFile: string;
  /** What the next call prints: the token. */
  tokenFile: string;
  /** What `redactor add` read on stdin, appended per call. */
  redactedFile: string;
}

/**
 * A stand-in `buildkite-agent` on PATH: answers `oidc request-token [--audience A]` by printing the token in
 * tokenFile and a newline, as the real agent does, and records its arguments. `redactor add` with no file
 * reads the values to redact from stdin, as the real one does; they are appended to redactedFile.
 */
export async function installBuildkiteAgent(folder: string): Promise<BuildkiteAgent> {
  const binDir = join(folder, 'bin');
  await mkdir(binDir, { recursive: true });
  const callsFile = join(folder, 'buildkite-agent-calls');
  const tokenFile = join(folder, 'buildkite-token');
  const redactedFile = join(folder, 'buildkite-redacted');
  const script = join(binDir, 'buildkite-agent');
  await writeFile(
    script,
    [
      '#!/bin/sh',
      `printf '%s\\n' "$*" >> '${callsFile}'`,
      `if [ "$1 $2 $#" = "redactor add 2" ]; then cat >> '${redactedFile}'; exit 0; fi`,
      'if [ "$1 $2" != "oidc request-token" ]; then echo "fatal: unknown command $1 $2" >&2; exit 1; fi',
      `if [ ! -s '${tokenFile}' ]; then echo "fatal: error requesting OIDC token: 403 Forbidden" >&2; exit 1; fi`,
      `cat '${tokenFile}'`,
      'echo',
      '',
    ].join('\n'),
  );
  await chmod(script, 0o755);
  return { binDir, callsFile, tokenFile, redactedFile };
}

export interface AzureOidcService {
  server: StubServer;
  /** SYSTEM_OIDCREQUESTURI, as Azure Pipelines gives it (the CLI adds api-version). */
  requestUri: string;
  /** SYSTEM_ACCESSTOKEN: the bearer secret the service demands. */
  accessToken: string;
}

/**
 * Azure DevOps' job OIDC endpoint on loopback: POST with the job's access token as bearer, answered with
 * {"oidcToken": ...} from `mint`.
 */
export async function startAzureOidcService(
  ca: TestCa,
  mint: () => Promise<string>,
): Promise<AzureOidcService> {
  const accessToken = randomBytes(24).toString('base64url');
  const path = '/org-id/project-id/_apis/distributedtask/hubs/build/plans/plan-id/jobs/job-id/oidctoken';
  const server = await startHttpsServer(ca, async (req, res) => {
    const url = new URL(req.path, 'https://127.0.0.1');
    if (req.method !== 'POST' || url.pathname !== path) return sendJson(res, 404, { message: 'not found' });
    if (req.headers.authorization !== `Bearer ${accessToken}`) {
      return sendJson(res, 401, { message: 'TF400813: The user is not authorized to access this resource.' });
    }
    // The one version the REST reference documents for this endpoint
    // (https://learn.microsoft.com/rest/api/azure/devops/distributedtask/oidctoken/create); it is a preview API,
    // which Azure DevOps refuses when asked for without the -preview suffix.
    const version = url.searchParams.get('api-version');
    if (version !== '7.1-preview.1') {
      return sendJson(res, 400, {
        message: `The requested REST API version ${JSON.stringify(version)} is not supported for this resource.`,
      });
    }
    sendJson(res, 200, { oidcToken: await mint() });
  });
  return { server, requestUri: `${server.url}${path}`, accessToken };
}
