#!/usr/bin/env node
// Copies the browser builds of GraphiQL and React, at the versions pinned by package-lock.json, into site/vendor,
// which is committed: the service serves them from its assembly, so neither a build nor a browser needs npm or a CDN.
// Usage: node src/Graph.Api/GraphiQL/refresh-vendor.mjs  (then commit site/vendor and, if a version changed, the
// versioned paths in site/index.html)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, 'site', 'vendor');

// Installed outside the source tree, so no node_modules lands among the project's files.
const scratch = mkdtempSync(join(tmpdir(), 'graphiql-vendor-'));
try {
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(here, file), join(scratch, file));
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: scratch, stdio: 'inherit' });

  const version = (name) => JSON.parse(readFileSync(join(scratch, 'node_modules', name, 'package.json'), 'utf8')).version;
  const files = [
    ['graphiql', 'graphiql.min.js'],
    ['graphiql', 'graphiql.min.css'],
    ['react', 'umd/react.production.min.js'],
    ['react-dom', 'umd/react-dom.production.min.js'],
  ];
  rmSync(vendor, { recursive: true, force: true });
  for (const [name, file] of files) {
    const target = join(vendor, `${name}-${version(name)}`, file.split('/').pop());
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(scratch, 'node_modules', name, file), target);
    console.log(`${name}@${version(name)} ${file} -> ${target.slice(here.length + 1)}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
