// Packages the extension as mlsec.vsix from a staging folder holding only what it ships: the bundles
// (entries and the chunks they import), grammar, snippets, language configuration, README/LICENSE
// and isolated-vm's addon (debug symbols stripped). Before packaging, the staged adapter must run
// examples/hello.ml. Run after `node scripts/bundle.mjs`; it never builds or edits sources.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { smokeRun } from './smoke-run.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const stage = path.join(root, '.cache', 'vsix-stage');
const out = path.join(root, process.env.MLSEC_VSIX ?? 'mlsec.vsix');

/** Shipped entry points; a missing one is a build error. Their relative imports ship with them. */
const entries = [
  'client/dist/extension.cjs',
  'server/dist/server.js',
  'debug-adapter/dist/cli.js',
  'debug-adapter/dist/worker.js',
  // Loaded as text into each isolate (not imported).
  'debug-adapter/dist/runtime.js',
  'debug-adapter/dist/debug-agent.js',
];
const assets = ['package.json', 'language-configuration.json'];
const assetDirs = [
  ['syntaxes', '.json'],
  ['snippets', '.json'],
];
const optional = ['README.md', 'LICENSE', 'CHANGELOG.md'];
/** isolated-vm: its entry, manifest, licence and the native addon, next to the bundles that load it. */
const ivmFrom = path.join(root, 'node_modules', 'isolated-vm');
const ivmTo = 'debug-adapter/dist/node_modules/isolated-vm';
const ivmFiles = ['package.json', 'isolated-vm.js', 'LICENSE', 'out/isolated_vm.node'];

function copy(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

function hasCommand(name) {
  try {
    execFileSync(name, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The file and every bundle file it names by a relative path (imports, require, `new URL('./x.js',
 * import.meta.url)` loaders), relative to root. Names of files that do not exist are ignored.
 */
function withImports(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const specifiers = /["'](\.\.?\/[^"'\s]+\.[cm]?js)["']/g;
  for (const match of text.matchAll(specifiers)) {
    const target = path.join(path.dirname(file), match[1]);
    if (fs.existsSync(path.join(root, target))) withImports(target, seen);
  }
  return seen;
}

const missing = [...entries, ...assets].filter((f) => !fs.existsSync(path.join(root, f)));
if (missing.length > 0) {
  console.error(`package-vsix: missing ${missing.join(', ')} (run \`node scripts/bundle.mjs\` first)`);
  process.exit(1);
}
fs.rmSync(stage, { recursive: true, force: true });
const files = new Set(assets);
for (const entry of entries) for (const f of withImports(entry)) files.add(f);
for (const [dir, ext] of assetDirs) {
  for (const name of fs.readdirSync(path.join(root, dir))) if (name.endsWith(ext)) files.add(`${dir}/${name}`);
}
for (const f of optional) if (fs.existsSync(path.join(root, f))) files.add(f);
for (const f of files) copy(path.join(root, f), path.join(stage, f));
for (const f of ivmFiles) copy(path.join(ivmFrom, f), path.join(stage, ivmTo, f));
// The repository README shows screenshots and links documents by relative path; a package has no
// repository to resolve them against (vsce refuses), so the packaged README drops the images and
// keeps each relative link's text, naming the document in the repository instead.
const stagedReadme = path.join(stage, 'README.md');
if (fs.existsSync(stagedReadme)) {
  const text = fs
    .readFileSync(stagedReadme, 'utf8')
    .replace(/^!\[[^\]]*\]\([^)]*\)\n/gm, '')
    .replace(
      /\[([^\]]*)\]\((?![a-z]+:)([^)#]*)[^)]*\)/g,
      (_, label, target) => `${label} (\`${target}\` in the repository)`,
    );
  fs.writeFileSync(stagedReadme, text);
}
const addon = path.join(stage, ivmTo, 'out/isolated_vm.node');
if (hasCommand('strip')) execFileSync('strip', ['--strip-debug', addon]);
else console.warn('package-vsix: `strip` not found; shipping isolated-vm with its debug symbols (about 25 MB)');

const smoke = await smokeRun(path.join(stage, 'debug-adapter/dist/cli.js'), path.join(root, 'examples'), 'hello.ml');
if (!smoke.ok) {
  console.error(`package-vsix: the staged extension cannot run examples/hello.ml: ${smoke.reason}`);
  process.exit(1);
}

const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
// `files` in package.json names README/LICENSE/CHANGELOG, which a checkout may not have yet.
const flags = [
  'package',
  '--no-dependencies',
  '--allow-missing-repository',
  '--allow-unused-files-pattern',
  '--out',
  out,
];
if (!fs.existsSync(path.join(stage, 'LICENSE'))) {
  console.warn('package-vsix: no LICENSE file at the repository root; packaging with --skip-license');
  flags.push('--skip-license');
}
// The smoke run above used the staged folder; `files` in package.json decides what vsce keeps.
// Every staged file must be packaged (a missing dist/cli-main.cjs once broke every sandbox run).
const listed = new Set(
  execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: stage, encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean),
);
const staged = [...files, ...ivmFiles.map((f) => `${ivmTo}/${f}`)];
const dropped = staged.filter((f) => f !== 'package.json' && !listed.has(f));
if (dropped.length > 0) {
  console.error(`package-vsix: package.json "files" leaves out staged files: ${dropped.join(', ')}`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(out), { recursive: true });
try {
  execFileSync(process.execPath, [vsce, ...flags], { cwd: stage, stdio: 'inherit' });
} catch {
  console.error('package-vsix: vsce failed (its output is above)');
  process.exit(1);
}
console.log(`package-vsix: ${path.relative(root, out)} ${(fs.statSync(out).size / 1024).toFixed(0)} KiB`);
