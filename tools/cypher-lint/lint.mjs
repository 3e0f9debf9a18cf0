#!/usr/bin/env node
// Lints the Cypher the service sends to Neo4j, offline, with Neo4j's own parser and semantic analyser.
//
// Usage: node tools/cypher-lint/lint.mjs FILE.json
//   FILE.json is what `dotnet Graph.Host.dll cypher --json` prints: [{"name", "cypher", "parameters"}, ...].
//   The parameters are example values; only their names matter here, so a statement may use exactly those.
//
// Prints one line per problem, `NAME:LINE:COLUMN: error|warning: MESSAGE`, then a summary line.
// Exit code: 0 when there is no error (warnings allowed), 1 when there is one, 2 when the input is unusable.
//
// Besides the analyser's own diagnostics, two rules of ours, because the analyser accepts both:
// - a relationship MERGE must have both endpoints bound by an earlier clause; otherwise MERGE creates the
//   endpoint nodes (duplicates) whenever the whole pattern is missing;
// - one statement per entry, because the Query API runs one statement per request.
import { readFileSync } from 'node:fs';
import { highlightSyntax, lintCypherQuery, parseStatementsStrs, testData } from '@neo4j-cypher/language-support';

const severities = { 1: 'error', 2: 'warning' };

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error('usage: node lint.mjs FILE.json   (FILE.json: [{"name", "cypher", "parameters"}, ...])');
  process.exit(2);
}

let entries;
try {
  entries = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  console.error(`cypher-lint: cannot read ${file}: ${e.message}`);
  process.exit(2);
}
if (!Array.isArray(entries) || entries.length === 0) {
  console.error(`cypher-lint: ${file} must hold a non-empty JSON array of {name, cypher, parameters}`);
  process.exit(2);
}

// Two passes. With function and procedure signatures loaded, this version of the analyser silently returns nothing
// for some statements (datetime() in a CREATE or MERGE property map, for one), so the semantic checks and the symbol
// tables come from a pass without them; the analyser knows the built-in functions itself, but not which names exist,
// and that is what the second pass adds, for the statements that call a function or procedure. Each pass runs over
// all statements in turn because the analyser reloads its signatures whenever they change. The analyser only checks
// that a parameter is named, so any example value (even null) declares it.
const builtIns = builtInFunctionsAndProcedures();
const options = { consoleCommandsEnabled: false };
const statements = entries.map((entry, index) => ({
  name: typeof entry?.name === 'string' && entry.name ? entry.name : `#${index}`,
  cypher: entry?.cypher,
  parameters: entry?.parameters ?? {},
  problems: shapeProblems(entry),
}));
const valid = statements.filter((s) => s.problems.length === 0);
for (const s of valid) {
  s.tokens = highlightSyntax(s.cypher, options).filter((t) => t.tokenType !== 'comment');
  s.semantic = lintCypherQuery(s.cypher, { defaultLanguage: builtIns.defaultLanguage, parameters: s.parameters }, options);
}
for (const s of valid.filter((s) => s.tokens.some((t) => t.tokenType === 'function' || t.tokenType === 'procedure'))) {
  s.names = lintCypherQuery(s.cypher, { ...builtIns, parameters: s.parameters }, options);
}

let errors = 0;
let warnings = 0;
let failed = 0;
for (const s of statements) {
  const problems = s.problems.length ? s.problems
    : [...diagnostics(s), ...mergeProblems(s)].sort((a, b) => a.line - b.line || a.column - b.column);
  for (const p of problems) {
    console.log(`${s.name}:${p.line}:${p.column}: ${p.severity}: ${p.message.replace(/\s+/g, ' ').trim()}`);
  }
  const errorCount = problems.filter((p) => p.severity === 'error').length;
  errors += errorCount;
  warnings += problems.length - errorCount;
  if (errorCount > 0) failed++;
}

console.log(`cypher-lint: ${statements.length} statements, ${failed} failed (${errors} errors, ${warnings} warnings)`);
process.exit(errors > 0 ? 1 : 0);

function shapeProblems(entry) {
  const at = (message) => [{ line: 1, column: 1, severity: 'error', message }];
  if (typeof entry?.cypher !== 'string' || !entry.cypher.trim()) return at('no "cypher" text');
  if (entry.parameters != null && (typeof entry.parameters !== 'object' || Array.isArray(entry.parameters))) {
    return at('"parameters" must be an object of example values');
  }
  if (parseStatementsStrs(entry.cypher).filter((s) => s.replace(/;\s*$/, '').trim()).length > 1) {
    return at('more than one statement; the Query API runs one statement per request');
  }
  return [];
}

function diagnostics({ cypher, semantic, names }) {
  const seen = new Set();
  return [...semantic.diagnostics, ...(names?.diagnostics ?? [])]
    .filter((d) => {
      const key = `${d.offsets.start} ${d.message}`;
      return severities[d.severity] && !seen.has(key) && seen.add(key);
    })
    .map((d) => ({ ...position(cypher, d.offsets.start), severity: severities[d.severity], message: d.message }));
}

function mergeProblems({ cypher, tokens, semantic }) {
  return unboundMergeEndpoints(cypher, tokens, semantic.symbolTables.flat()).map((node) => ({
    ...position(cypher, node.offset),
    severity: 'error',
    message: `relationship MERGE endpoint ${node.text} is not bound by an earlier clause, so MERGE creates it `
      + 'whenever the relationship is missing; MATCH or MERGE the node first and MERGE the relationship between variables',
  }));
}

// The package ships a snapshot of a server's functions and procedures. We keep Neo4j's own and drop the plugins'
// (APOC, GDS), which the Neo4j we deploy does not have, so calling one is reported as missing.
function builtInFunctionsAndProcedures() {
  const plugins = /^(apoc|gds)\./;
  const keep = (registry, wanted) => Object.fromEntries(Object.entries(registry ?? {})
    .map(([version, byName]) => [version, Object.fromEntries(Object.entries(byName).filter(([, f]) => wanted(f)))]));
  return {
    defaultLanguage: 'CYPHER 5',
    functions: keep(testData.mockSchema.functions, (f) => f.isBuiltIn),
    procedures: keep(testData.mockSchema.procedures, (p) => !plugins.test(p.name)),
  };
}

// Finds the node patterns of every MERGE that has a relationship, and returns those whose variable the analyser's
// symbol table does not define before that MERGE (anonymous nodes included). The symbol table, not the variable
// name, decides, so a variable that a WITH dropped and the MERGE declares again counts as unbound.
function unboundMergeEndpoints(cypher, tokens, symbols) {
  const found = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].tokenType !== 'keyword' || tokens[i].token.toUpperCase() !== 'MERGE') continue;
    const mergeOffset = tokens[i].position.startOffset;
    const nodes = mergePatternNodes(tokens, i + 1);
    if (nodes.length < 2) continue;
    for (const node of nodes) {
      const symbol = node.variable && symbols.find((s) => s.references.includes(node.variable.position.startOffset));
      if (!symbol || symbol.definitionPosition >= mergeOffset) {
        found.push({ offset: node.start, text: cypher.slice(node.start, node.end) });
      }
    }
  }
  return found;
}

// Reads `[p =] (n)-[r]->(m)...` from token `from` on: one entry per node pattern, with its first token when that is a
// variable. Stops at the first token that does not continue the path (ON CREATE, SET, a clause keyword...).
function mergePatternNodes(tokens, from) {
  let i = from;
  if (tokens[i]?.tokenType === 'variable' && tokens[i + 1]?.token === '=') i += 2;
  const nodes = [];
  while (tokens[i]?.token === '(') {
    const close = matching(tokens, i, '(', ')');
    if (close < 0) break;
    nodes.push({
      variable: tokens[i + 1]?.tokenType === 'variable' ? tokens[i + 1] : undefined,
      start: tokens[i].position.startOffset,
      end: tokens[close].position.startOffset + 1,
    });
    i = close + 1;
    if (tokens[i]?.token !== '-' && tokens[i]?.token !== '<') break;
    // Skip the relationship, `-[...]->`, `<-[...]-` or `--`, up to the next node pattern.
    while (i < tokens.length && tokens[i].token !== '(') {
      i = tokens[i].token === '[' ? matching(tokens, i, '[', ']') + 1 : i + 1;
      if (i <= 0) return nodes;
    }
  }
  return nodes;
}

function matching(tokens, open, openText, closeText) {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i].tokenType !== 'bracket') continue;
    if (tokens[i].token === openText) depth++;
    else if (tokens[i].token === closeText && --depth === 0) return i;
  }
  return -1;
}

function position(text, offset) {
  const before = text.slice(0, Math.max(0, offset)).split('\n');
  return { line: before.length, column: before.at(-1).length + 1 };
}
