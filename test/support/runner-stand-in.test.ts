import { describe, expect, it } from 'vitest';
import { renderLog, runStep, type StandInOptions } from './runner-stand-in.ts';

const lines = (...text: string[]) => `${text.join('\n')}\n`;
/** The rendered log of a stdout. */
const shown = (stdout: string, options: StandInOptions = {}) => renderLog(runStep({ stdout }, options).log);
const commandsFrom = (stdout: string) => runStep({ stdout }).commands;
const names = (stdout: string) => commandsFrom(stdout).map((command) => command.name);

describe('runner stand-in: which lines are commands', () => {
  it('reads `::` commands after .NET white space, which includes NEL and ideographic space but not U+FEFF', () => {
    for (const space of [' ', '\t', '\u0085', '\u00a0', '\u1680', '\u2007', '\u2028', '\u202f', '\u3000']) {
      const [command] = commandsFrom(`${space}::warning::careful\n`);
      expect(command, JSON.stringify(space)).toMatchObject({
        name: 'warning',
        data: 'careful',
        certain: true,
      });
    }
    // JavaScript's trimStart() would remove U+FEFF; .NET's TrimStart() does not. ICU may still skip it.
    expect(commandsFrom('\ufeff::warning::careful\n')).toMatchObject([{ name: 'warning', certain: false }]);
  });

  it('finds the legacy `##[` form anywhere in a line and hides the whole line', () => {
    const view = runStep({ stdout: lines('build ok ##[error]broken', 'after') });
    expect(view.commands).toMatchObject([{ name: 'error', data: 'broken', form: '##[', atLineStart: false }]);
    expect(renderLog(view.log)).toEqual(['Error: broken', 'after']);
  });

  it('matches command names in any case, and only registered ones', () => {
    expect(
      names(
        lines('::WARNING::a', '::Add-Mask::secret-value', '##[EndGroup]', '::set-secret::x', '::warn::y'),
      ),
    ).toEqual(['WARNING', 'Add-Mask', 'EndGroup']);
    expect(shown(lines('::Add-Mask::secret-value', 'the secret-value'))).toEqual(['the ***']);
  });

  it('splits lines at CR as well as LF, as StreamReader.ReadLine does', () => {
    expect(names('progress 10%\r::error::from a CR line\r\n')).toEqual(['error']);
  });

  it('unescapes data and properties in one pass per form', () => {
    const [v2, legacy] = commandsFrom(
      lines('::warning title=a%3Ab%2Cc,file=x.ts ::100%25 %250A', '##[warning title=a%5D;file=y]p%3Bq%5D'),
    );
    expect(v2).toMatchObject({ data: '100% %0A', properties: { title: 'a:b,c', file: 'x.ts' } });
    expect(legacy).toMatchObject({ data: 'p;q]', properties: { title: 'a]', file: 'y' } });
    // A property splits at its first `=`; `=` right after it are dropped, later ones kept (.NET Split, count 2).
    expect(commandsFrom('::warning title=x==,file==a=b::m\n')[0]?.properties).toEqual({
      title: 'x==',
      file: 'a=b',
    });
  });

  it('counts a line as a possible command when it is one once ignorable characters are removed', () => {
    const view = runStep({
      stdout: lines('#\u00ad#[stop-commands]pause', '::add-mask::hidden-value', 'hidden-value'),
    });
    expect(view.commands).toMatchObject([{ name: 'stop-commands', certain: false }]);
    expect(view.stops).toMatchObject([{ token: 'pause', certain: false }]);
    // A possible command only makes things worse: the stop holds, the line stays visible, nothing is masked.
    expect(view.addMaskValues).toEqual([]);
    expect(renderLog(view.log)).toEqual([
      '#\u00ad#[stop-commands]pause',
      '::add-mask::hidden-value',
      'hidden-value',
    ]);
    expect(commandsFrom('::add\u200b-mask::x\n')).toMatchObject([{ name: 'add-mask', certain: false }]);
    // ICU also ignores C0 controls such as NUL; white space is not ignorable.
    expect(commandsFrom('#\0#[warning]x\n')).toMatchObject([{ name: 'warning', certain: false }]);
    expect(commandsFrom('# #[warning]x\n')).toEqual([]);
  });
});

describe('runner stand-in: stop-commands', () => {
  it('pauses every command until the token comes back in any case, and masks a token of more than 6 characters', () => {
    const view = runStep({
      stdout: lines(
        '::stop-commands::resume-now',
        '::add-mask::not-a-mask',
        '::error::plain',
        '::RESUME-NOW::',
        '::add-mask::is-a-mask',
        'is-a-mask',
      ),
    });
    expect(view.stops).toMatchObject([{ token: 'resume-now', line: 1, resumedAt: { line: 4 } }]);
    expect(view.stoppedAtEnd).toBe(false);
    expect(view.addMaskValues).toEqual(['is-a-mask']);
    expect(renderLog(view.log)).toEqual([
      '::stop-commands::***',
      '::add-mask::not-a-mask',
      '::error::plain',
      // Masks are ordinal: the token in another case is not masked.
      '::RESUME-NOW::',
      '***',
    ]);
    expect(shown(lines('::stop-commands::sixsix', '::sixsix::'))).toEqual([
      '::stop-commands::sixsix',
      '::sixsix::',
    ]);
    expect(shown(lines('::stop-commands::seven-7', '##[seven-7]'))).toEqual([
      '::stop-commands::***',
      '##[***]',
    ]);
  });

  it('stays stopped to the end without the token', () => {
    const view = runStep({ stdout: lines('::stop-commands::x', '::xx::', '::add-mask::secret-value') });
    expect(view.stoppedAtEnd).toBe(true);
    expect(view.addMaskValues).toEqual([]);
  });

  it('fails the step and stops reading on a token that is empty or a command name', () => {
    for (const token of ['', 'add-mask', 'Pause-Logging']) {
      const view = runStep({ stdout: lines(`::stop-commands::${token}`, 'never read') });
      expect(view.abortedAt).toEqual({ stream: 'stdout', line: 1 });
      expect(view.commandFailed).toBe(true);
      expect(renderLog(view.log)).toEqual([expect.stringMatching(/^Error: You cannot use a endToken/)]);
    }
  });

  it('lets a stop on stderr pause stdout from its start: the order between the two pipes is unknown', () => {
    const view = runStep({
      stdout: lines('::add-mask::secret-value', 'secret-value'),
      stderr: lines('::stop-commands::later'),
    });
    expect(view.addMaskValues).toEqual([]);
    expect(view.log.filter((line) => line.stream === 'stdout').map((line) => line.text)).toEqual([
      '::add-mask::secret-value',
      'secret-value',
    ]);
  });
});

describe('runner stand-in: masks', () => {
  it('masks only what is written after the add-mask', () => {
    expect(shown(lines('early secret-value', '::add-mask::secret-value', 'late secret-value'))).toEqual([
      'early secret-value',
      'late ***',
    ]);
  });

  it('registers each trimmed line of a multi-line value, however short', () => {
    const view = runStep({ stdout: lines('::add-mask::first-line%0D%0A  {  %0A%0A', 'a {first-line} b') });
    expect(view.masked).toEqual(expect.arrayContaining(['first-line\r\n  {  \n\n', 'first-line', '{']));
    expect(renderLog(view.log)).toEqual(['a ***} b']);
  });

  it('refuses a blank value with a warning, and keeps the white space of the whole value', () => {
    expect(shown(lines('::add-mask:: \u3000', 'x'))).toEqual([
      "Warning: Can't add secret mask for empty string in ##[add-mask] command.",
      'x',
    ]);
    expect(runStep({ stdout: lines('::add-mask:: padded ') }).masked).toEqual(
      expect.arrayContaining([' padded ', 'padded']),
    );
  });

  it('masks the encoded forms the runner registers with each value', () => {
    const secret = 'p@ss "word"';
    const base64 = Buffer.from(secret).toString('base64');
    const log = shown(
      lines(
        `::add-mask::${secret}`,
        base64,
        JSON.stringify(secret),
        encodeURIComponent(secret),
        'p@ss &quot;word&quot;',
      ),
    );
    expect(log).toEqual(['***', '"***"', '***', '***']);
  });

  it('masks annotations, group titles and echoed commands with the masks in force', () => {
    const stdout = lines(
      '::add-mask::secret-value',
      '::warning::is secret-value',
      '::group::secret-value',
      '::endgroup::',
    );
    expect(shown(stdout)).toEqual(['Warning: is ***', '> ***']);
    expect(runStep({ stdout }).annotations).toMatchObject([{ level: 'warning', message: 'is ***' }]);
  });
});

describe('runner stand-in: what is shown', () => {
  it('renders multi-line annotations on several lines and hides the runner step markers', () => {
    expect(shown(lines('::error file=a.ts,line=3::first%0Asecond', 'x ##[start-action y'))).toEqual([
      'Error: first',
      'second',
      'x ##[\\start-action y',
    ]);
  });

  it('echoes commands only when echo is on, and step debug turns it on with the debug lines', () => {
    const stdout = lines(
      '::debug::dbg',
      '::group::g',
      '::echo::on',
      '::add-mask::secret-value',
      '::endgroup::',
      '::echo::off',
    );
    expect(shown(stdout)).toEqual(['> g', '::add-mask::***', '::endgroup::', '::echo::off']);
    expect(shown(stdout, { stepDebug: true })).toEqual([
      'Debug: dbg',
      '::group::g',
      '> g',
      '::echo::on',
      "Debug: Setting echo command value to 'on'",
      '::add-mask::***',
      '::endgroup::',
      '::echo::off',
      "Debug: Setting echo command value to 'off'",
    ]);
  });

  it('quotes a failing command, masked, and marks the step failed', () => {
    const view = runStep({
      stdout: lines('::add-mask::secret-value', '::set-env name=A::secret-value', '::set-output::no name'),
    });
    expect(view.commandFailed).toBe(true);
    expect(view.annotations.map((annotation) => annotation.message)).toEqual([
      "Unable to process command '::set-env name=A::***' successfully.",
      'The `set-env` command is disabled.',
      "Unable to process command '::set-output::no name' successfully.",
      "Required field 'name' is missing in ##[set-output] command.",
    ]);
  });

  it('keeps 10 annotations per level, while every one is written to the log', () => {
    const view = runStep({ stdout: Array.from({ length: 12 }, (_, n) => `::notice::n${n}\n`).join('') });
    expect(view.annotations).toHaveLength(10);
    expect(view.log).toHaveLength(12);
    expect(shown('::notice::x\n', { enhancedAnnotations: false })).toEqual(['::notice::x']);
  });
});
