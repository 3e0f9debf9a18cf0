#!/usr/bin/env node
// Copies the browser builds a page of the service needs, at the versions pinned by its folder's package-lock.json, into
// that folder's site/vendor, which is committed: the service serves them from its assembly, so neither a build nor a
// browser needs npm or a CDN. The files to copy are listed in the package.json's "vendorFiles".
// Usage: node src/Graph.Api/refresh-vendor.mjs src/Graph.Api/GraphiQL   (or src/Graph.Api/Explorer)
// then commit site/vendor and, if a version changed, the versioned paths in site/index.html.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

if (process.argv.length !== 3) {
  console.error('usage: node refresh-vendor.mjs <folder holding package.json, package-lock.json and site/>');
  process.exit(2);
}

const here = resolve(process.argv[2]);
const vendor = join(here, 'site', 'vendor');
const { vendorFiles } = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));

// Installed outside the source tree, so no node_modules lands among the project's files.
const scratch = mkdtempSync(join(tmpdir(), 'site-vendor-'));
try {
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(here, file), join(scratch, file));
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: scratch, stdio: 'inherit' });

  const version = (name) => JSON.parse(readFileSync(join(scratch, 'node_modules', name, 'package.json'), 'utf8')).version;
  rmSync(vendor, { recursive: true, force: true });
  for (const [name, files] of Object.entries(vendorFiles)) {
    for (const file of files) {
      const target = join(vendor, `${name}-${version(name)}`, file.split('/').pop());
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(scratch, 'node_modules', name, file), target);
      console.log(`${name}@${version(name)} ${file} -> ${target.slice(here.length + 1)}`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
