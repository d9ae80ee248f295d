/**
 * The structure the SARIF 2.1.0 schema requires (sarifLog: version "2.1.0" and runs; run: tool; tool: driver;
 * toolComponent: name; reportingDescriptor: id; result: message with text or id; level in its enum;
 * region.startLine ≥ 1), plus what GitHub code scanning requires on top: $schema, rules with short and full
 * descriptions and help text, and a location on every result (results without one are not shown).
 * Returns every problem found, as JSON-pointer-like paths.
 */
export function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, path: string, what: string) => {
    if (!ok) problems.push(`${path}: ${what}`);
  };
  const isText = (value: unknown) => typeof value === 'string' && value !== '';
  if (!isRecord(log)) return ['/: not an object'];
  need(log.version === '2.1.0', '/version', 'must be "2.1.0"');
  need(isText(log.$schema), '/$schema', 'GitHub requires it');
  if (!Array.isArray(log.runs)) return [...problems, '/runs: must be an array'];
  log.runs.forEach((run: unknown, r) => {
    const at = `/runs/${r}`;
    if (!isRecord(run) || !isRecord(run.tool) || !isRecord(run.tool.driver)) {
      problems.push(`${at}/tool/driver: required`);
      return;
    }
    const driver = run.tool.driver;
    need(isText(driver.name), `${at}/tool/driver/name`, 'required');
    const rules = Array.isArray(driver.rules) ? driver.rules : [];
    need(rules.length > 0, `${at}/tool/driver/rules`, 'GitHub requires the rules');
    const ids = rules.map((rule: unknown, i) => {
      const path = `${at}/tool/driver/rules/${i}`;
      if (!isRecord(rule)) return void problems.push(`${path}: not an object`);
      need(isText(rule.id), `${path}/id`, 'required');
      for (const member of ['shortDescription', 'fullDescription', 'help']) {
        const value = rule[member];
        need(isRecord(value) && isText(value.text), `${path}/${member}/text`, 'GitHub requires it');
      }
      const config = rule.defaultConfiguration;
      if (isRecord(config) && config.level !== undefined) {
        need(
          LEVELS.includes(config.level as string),
          `${path}/defaultConfiguration/level`,
          'not a SARIF level',
        );
      }
      return rule.id;
    });
    need(Array.isArray(run.results), `${at}/results`, 'GitHub requires the results array');
    (Array.isArray(run.results) ? run.results : []).forEach((result: unknown, i) => {
      const path = `${at}/results/${i}`;
      if (!isRecord(result)) return void problems.push(`${path}: not an object`);
      need(
        isRecord(result.message) && (isText(result.message.text) || isText(result.message.id)),
        `${path}/message`,
        'needs text or id',
      );
      if (result.level !== undefined)
        need(LEVELS.includes(result.level as string), `${path}/level`, 'not a SARIF level');
      if (typeof result.ruleIndex === 'number') {
        need(
          ids[result.ruleIndex] === result.ruleId,
          `${path}/ruleIndex`,
          'must point at the rule named by ruleId',
        );
      }
      need(ids.includes(result.ruleId), `${path}/ruleId`, 'must be one of the driver rules');
      const locations = Array.isArray(result.locations) ? result.locations : [];
      need(locations.length > 0, `${path}/locations`, 'GitHub shows no result without a location');
      locations.forEach((location: unknown, l) => {
        const physical = isRecord(location) ? location.physicalLocation : undefined;
        const lpath = `${path}/locations/${l}/physicalLocation`;
        if (!isRecord(physical)) return void problems.push(`${lpath}: required here`);
        const artifact = physical.artifactLocation;
        need(isRecord(artifact) && isText(artifact.uri), `${lpath}/artifactLocation/uri`, 'required');
        if (isRecord(artifact) && isText(artifact.uri)) {
          need(
            !/\s/.test(artifact.uri as string),
            `${lpath}/artifactLocation/uri`,
            'must be a URI reference (no spaces)',
          );
          // Code scanning maps locations to repository files: relative paths, or file: URIs in the checkout.
          const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(artifact.uri as string)?.[1];
          need(
            scheme === undefined || scheme === 'file',
            `${lpath}/artifactLocation/uri`,
            'GitHub takes only relative paths or file: URIs',
          );
        }
        const region = physical.region;
        need(
          isRecord(region) && Number.isInteger(region.startLine) && (region.startLine as number) >= 1,
          `${lpath}/region/startLine`,
          'an integer ≥ 1',
        );
      });
    });
  });
  return problems;
}

const LEVELS = ['none', 'note', 'warning', 'error'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
