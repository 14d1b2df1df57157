// test/host/setup.sh on a fresh machine: started through npm (`npm run try`), its nested installs
// must not see the outer npm's environment (its user agent made code-server's postinstall
// refuse), and the versions it installs are the ones the launcher looks for.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CODE_SERVER_VERSION, NODE_VERSION } from '../host/versions';

// Compiled to out/test/unit/, three levels below the repository root.
const repoRoot = path.resolve(__dirname, '../../..');

/** The environment `without_outer_npm NAMES... env` hands its command, from `outer` (plus PATH's tools). */
function nestedEnvironment(outer: Record<string, string>, ...assignments: string[]): Map<string, string> {
  const script = `. ${JSON.stringify(path.join(repoRoot, 'test/host/withoutOuterNpm.sh'))}; without_outer_npm "$@" env -0`;
  const run = spawnSync('bash', ['-c', script, 'bash', ...assignments], { env: outer, encoding: 'utf8' });
  assert.strictEqual(run.status, 0, run.stderr);
  const entries = run.stdout.split('\0').filter((entry) => entry !== '');
  return new Map(entries.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
}

describe('host setup (setup.sh)', () => {
  // What `npm run try` under a system Node 20 exports to its script (from a real run), and what a user may have set.
  const outerNpm = {
    PATH: `/repo/node_modules/.bin:/node_modules/.bin:/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin:/cache/node-${NODE_VERSION}/bin:/usr/bin:/bin`,
    HOME: '/home/clinic',
    npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
    npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
    npm_config_nodedir: '/usr',
    npm_config_prefix: '/usr',
    npm_config_global_prefix: '/usr',
    npm_config_local_prefix: '/repo',
    npm_config_loglevel: 'silent',
    NPM_CONFIG_IGNORE_SCRIPTS: 'true',
    npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
    npm_node_execpath: '/usr/bin/node',
    npm_lifecycle_event: 'try',
    npm_package_json: '/repo/package.json',
    NODE: '/usr/bin/node',
    INIT_CWD: '/repo',
    npm_config_registry: 'https://registry.example.org/',
    'npm_config_@clinic:registry': 'https://npm.clinic.example/',
    'npm_config_//npm.clinic.example/:_authToken': 'secret',
    npm_config_cafile: '/etc/ssl/certs/ca-certificates.crt',
    'npm_config_https-proxy': 'http://proxy.example:3128',
    npm_config_userconfig: '/home/clinic/.npmrc',
    NODE_OPTIONS: '--max-old-space-size=4096',
  };

  it('gives a nested install none of the outer npm’s own variables, and keeps how to reach the registry', () => {
    const nested = nestedEnvironment(outerNpm, `npm_config_nodedir=/cache/node-${NODE_VERSION}`);
    for (const name of ['npm_config_user_agent', 'npm_config_node_gyp', 'npm_config_prefix', 'npm_config_global_prefix', 'npm_config_local_prefix', 'npm_config_loglevel', 'NPM_CONFIG_IGNORE_SCRIPTS', 'npm_execpath', 'npm_node_execpath', 'npm_lifecycle_event', 'npm_package_json', 'NODE', 'INIT_CWD']) {
      assert.ok(!nested.has(name), `${name} reached the nested install`);
    }
    assert.strictEqual(nested.get('npm_config_nodedir'), `/cache/node-${NODE_VERSION}`, 'the nodedir given to the nested install');
    for (const name of ['npm_config_registry', 'npm_config_@clinic:registry', 'npm_config_//npm.clinic.example/:_authToken', 'npm_config_cafile', 'npm_config_https-proxy', 'npm_config_userconfig', 'HOME', 'NODE_OPTIONS']) {
      assert.strictEqual(nested.get(name), outerNpm[name as keyof typeof outerNpm], `${name} was not kept`);
    }
    assert.strictEqual(nested.get('PATH'), `/cache/node-${NODE_VERSION}/bin:/usr/bin:/bin`);
  });

  it('installs the Node and code-server versions that the launcher looks for (test/host/versions.ts)', () => {
    const script = fs.readFileSync(path.join(repoRoot, 'test/host/setup.sh'), 'utf8');
    assert.strictEqual(/^NODE_VERSION=(\S+)$/m.exec(script)?.[1], NODE_VERSION);
    assert.strictEqual(/^CODE_SERVER_VERSION=(\S+)$/m.exec(script)?.[1], CODE_SERVER_VERSION);
  });
});
