import packageJson from '../package.json' with { type: 'json' };

export const ACTION_NAME = 'mondoo-keyless-auth';
export const VERSION: string = packageJson.version;
export const USER_AGENT = `${ACTION_NAME}/${VERSION}`;
