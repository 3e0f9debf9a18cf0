#!/usr/bin/env node
// Loads Cytoscape.js elements files ({"elements": {"nodes": [...], "edges": [...]}}) into headless Cytoscape.js.
// Usage: node check.mjs FILE...   Exit code 1 when any file has an element Cytoscape.js refuses, warns about or drops,
// an id used twice, an edge whose end is not a node, or a parent that is not a node.
import cytoscape from 'cytoscape';
import { readFileSync } from 'node:fs';

let failed = 0;
for (const file of process.argv.slice(2)) {
  const problems = [];
  const { elements } = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = elements?.nodes ?? [];
  const edges = elements?.edges ?? [];
  const ids = new Set();
  for (const element of [...nodes, ...edges]) {
    const id = element?.data?.id;
    if (typeof id !== 'string' || id === '') problems.push(`an element without a data.id: ${JSON.stringify(element).slice(0, 80)}`);
    else if (ids.has(id)) problems.push(`the id ${id} is used twice`);
    else ids.add(id);
  }

  const nodeIds = new Set(nodes.map((n) => n.data.id));
  for (const node of nodes) {
    if (node.data.parent !== undefined && !nodeIds.has(node.data.parent)) problems.push(`node ${node.data.id}: parent ${node.data.parent} is not a node`);
  }

  for (const edge of edges) {
    for (const end of ['source', 'target']) {
      if (!nodeIds.has(edge.data[end])) problems.push(`edge ${edge.data.id}: ${end} ${edge.data[end]} is not a node`);
    }
  }

  const warnings = [];
  const [warn, error] = [console.warn, console.error];
  console.warn = console.error = (...args) => warnings.push(args.join(' '));
  let cy;
  try {
    cy = cytoscape({ headless: true, elements });
  } catch (e) {
    problems.push(`Cytoscape.js refused the file: ${e.message}`);
  } finally {
    [console.warn, console.error] = [warn, error];
  }

  problems.push(...warnings.map((w) => `Cytoscape.js: ${w}`));
  if (cy && (cy.nodes().length !== nodes.length || cy.edges().length !== edges.length)) {
    problems.push(`Cytoscape.js loaded ${cy.nodes().length} of ${nodes.length} nodes and ${cy.edges().length} of ${edges.length} edges`);
  }

  const compound = cy ? cy.nodes().filter((n) => n.isChild()).length : 0;
  console.log(problems.length
    ? `${file}: invalid\n  ${problems.join('\n  ')}`
    : `${file}: ${cy.nodes().length} nodes (${compound} inside a parent), ${cy.edges().length} edges`);
  failed += problems.length ? 1 : 0;
}

process.exit(failed ? 1 : 0);
