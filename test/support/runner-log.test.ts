import { actionRun } from './action-run-fixture.ts';
import { describe, expect, it } from 'vitest';
import { type CliRun, cliLeaks } from './run-cli.ts';
import {
  droppedJobOutputs,
  expectOnlyOwnCommands,
  parseMasks,
  runnerView,
  unexpectedCommands,
} from './runner-log.ts';

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const secret = 'sup3r-s3cret-value';

describe('runner log helpers', () => {
  it('shows a step as the web view does, with secrets masked before the step', () => {
    expect(runnerView(lines('::group::g', 'token abc-123', '::endgroup::', 'done'), ['abc-123'])).toBe(
      '> g\ntoken ***\ndone',
    );
  });

  it('lists the masks the runner accepted, none while commands are stopped', () => {
    expect(
      parseMasks(lines('::add-mask::a%25b%0Ac', '::add-mask:: ', '::stop-commands::halt', '::add-mask::x')),
    ).toEqual(['a%b\nc']);
  });

  it('lists commands that are not the action’s own, without their data', () => {
    expect(unexpectedCommands(lines('::add-mask::secret-value', '::group::g', '::endgroup::'))).toEqual([]);
    const unexpected = unexpectedCommands(
      lines(
        ' ::warning::a',
        'x ##[error]secret-value',
        '::Debug::b',
        '::stop-commands::tok',
        '#\u200b#[tok]',
      ),
    );
    expect(unexpected).toEqual([
      'command "warning" (:: form) on stdout line 1',
      'command "error" (##[ form) on stdout line 2',
      'command "Debug" (:: form) on stdout line 3',
      'command "stop-commands" (:: form) on stdout line 4',
      'commands stopped on stdout line 4',
    ]);
    expect(unexpectedCommands('a\n\u2060::notice::b\n')).toEqual([
      'possible command "notice" (:: form) on stdout line 2',
    ]);
    expect(() => expectOnlyOwnCommands('::set-output name=x::1\n')).toThrow(/1 unexpected command/);
  });

  it('names the outputs a short mask would keep a workflow from passing on as job outputs', () => {
    const outputs = {
      credential: 'c2VjcmV0',
      'space-mrn': '//captain.api.mondoo.app/spaces/s',
      issuer: 'https://x',
    };
    expect(droppedJobOutputs(actionRun({ stdout: '::add-mask::c2VjcmV0\n', outputs }))).toEqual([]);
    expect(droppedJobOutputs(actionRun({ stdout: '::add-mask::{%0A/%0A}\n', outputs }))).toEqual([
      'space-mrn',
      'issuer',
    ]);
  });
});

describe('CLI leak scan', () => {
  const cliRun = (overrides: Partial<CliRun>): CliRun => ({
    code: 0,
    signal: null,
    stdout: '',
    stderr: '',
    cwd: '/nonexistent',
    onGitHubActions: false,
    ...overrides,
  });

  it('reads stderr as written outside GitHub Actions: an add-mask line there shows the secret', () => {
    const stderr = lines(`::add-mask::${secret}`, `token ${secret}`);
    expect(cliLeaks(cliRun({ stderr }), [secret])).toEqual([expect.stringContaining('stderr')]);
    expect(cliLeaks(cliRun({ stderr, onGitHubActions: true }), [secret])).toEqual([]);
  });

  it('on GitHub Actions, lets a stop on stdout disarm the add-mask lines on stderr', () => {
    const run = cliRun({
      stdout: lines('claim: ::stop-commands::x', '::stop-commands::x'),
      stderr: lines(`::add-mask::${secret}`, `token ${secret}`),
      onGitHubActions: true,
    });
    expect(cliLeaks(run, [secret])).toEqual([expect.stringContaining('stderr')]);
  });
});
