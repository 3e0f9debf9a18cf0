// The network explorer: draws an actor's ego network from the GraphQL endpoint with Cytoscape.js, lets a person expand
// it, filter it by kind, link and date, find paths, read each statement's card and download the view. Everything on
// the canvas is also in the lists beside it, which are what keyboards, screen readers and tests use. Text from the
// graph is only ever set as text, never as HTML.
(() => {
  'use strict';

  /**
   * The most actors an ego network draws at first (the server picks those most linked to the centre), the most an
   * expansion asks for, and how many of those it draws before "show more".
   */
  const INITIAL_CAP = 500;
  const EXPAND_FETCH = 100;
  const EXPAND_CAP = 25;
  const MAX_FETCH = 2000;

  /** The most nodes a force-directed layout settles after the network grows; beyond it new nodes stay in their ring. */
  const SETTLE_LIMIT = 150;
  /**
   * Beyond this many edges drawn, edges are straight lines from centre to centre with the arrow halfway (Cytoscape.js's
   * "haystack" edges): curves ending at each node's border cost the first paint of a large view about as much again.
   */
  const DENSE_EDGES = 600;

  const KINDS = [
    ['STATE', 'State', '#8c8c8c'], ['DECLINE_COMMENT', 'Decline comment', '#bab0ac'], ['DENY', 'Deny', '#9c755f'],
    ['SUPPORT', 'Support', '#2ca02c'], ['APPEAL', 'Appeal', '#1f77b4'], ['DEMAND', 'Demand', '#d62728'],
    ['PLEDGE', 'Pledge', '#98df8a'], ['ANNOUNCE', 'Announce', '#17becf'], ['CRITICISE', 'Criticise', '#ff7f0e'],
    ['ACCUSE', 'Accuse', '#e377c2'], ['REJECT', 'Reject', '#8c564b'], ['THREATEN', 'Threaten', '#7f0000'],
    ['PROTEST', 'Protest', '#bcbd22'], ['SUE', 'Sue', '#9467bd'], ['REPORT', 'Report', '#aec7e8'],
  ];
  const KIND_COLOURS = Object.fromEntries(KINDS.map(([kind, , colour]) => [kind, colour]));

  // The links a statement edge can stand for (the part its target plays), and the structural links.
  const LINKS = [
    ['ADDRESSEE', 'Spoken to (addressee)'], ['ON_BEHALF_OF', 'Spoken for (on behalf of)'], ['EXEMPLAR', 'Cited as an example'],
    ['BENEFICIARY', 'Would benefit'], ['SUBJECT', 'Spoken about (subject)'], ['AFFILIATED_WITH', 'Affiliations'],
    ['PART_OF', 'Part of'],
  ];
  const ROLE_NAMES = { ADDRESSEE: 'addressee', ON_BEHALF_OF: 'on behalf of', EXEMPLAR: 'exemplar', BENEFICIARY: 'beneficiary', SUBJECT: 'subject' };

  const ORGANISATION_COLOURS = {
    COMPANY: '#4e79a7', NGO: '#59a14f', GOVERNMENT_BODY: '#e15759', LEGISLATURE: '#b07aa1', MEDIA: '#edc948',
    RESEARCH_BODY: '#76b7b2', OTHER: '#9c755f',
  };
  const PERSON_COLOUR = '#f28e2b';
  const STATEMENT_COLOUR = '#6e7781';

  const ACTOR = 'id name __typename ... on Organisation { kind }';
  const NETWORK_FIELDS = `nodes { ${ACTOR} } edges { id type source target kind saidOn role targetRole statementId statement { summary quote } }`;
  const NEIGHBOURHOOD = `query Neighbourhood($actor: ActorRefInput!, $first: Int) {
    neighbourhood(actor: $actor, first: $first) { truncated ${NETWORK_FIELDS} }
  }`;
  const SUGGEST = `query Suggest($name: String!) { actors(name: $name, first: 8) { ${ACTOR} aliases } }`;
  const STATEMENT = `query Statement($id: ID!) {
    statement(id: $id) {
      id kind cameoCode quote summary saidOn saidOnPrecision confidence retracted retraction { reason }
      speaker { id name } onBehalfOf { id name } addressees { id name } exemplars { id name }
      beneficiaries { id name } subjects { id name } topics { name } respondsTo { id summary quote }
      sources { url title publisher publishedOn }
    }
  }`;
  const PATHS = `query Paths($from: ActorRefInput!, $to: ActorRefInput!) {
    paths(from: $from, to: $to, maxHops: 4, first: 5) {
      length
      nodes { __typename ... on Organisation { id name kind } ... on Person { id name } ... on Statement { id statementKind: kind summary quote } }
      steps { type from to }
    }
  }`;

  const $ = (selector) => document.querySelector(selector);
  const status = $('#status');

  const state = {
    actors: new Map(), // id -> { id, name, type, kind }
    edges: new Map(), // id -> edge as the API gives it, with summary
    groups: new Map(), // drawn edge id -> { source, target, kind, targetRole, type, members: edge ids, visible: edge ids }
    placed: new Set(), // ids of the edges in a drawn group
    statementNodes: new Map(), // id -> { id, kind, label }: statements drawn because a path goes through them
    pathSteps: new Map(), // id -> { id, source, target, type }
    shown: new Set(),
    expanded: new Set(),
    pending: new Map(), // actor id -> ids of its neighbours not yet shown
    fetched: new Map(), // actor id -> how many neighbours were asked for, while the server had more
    centre: null,
    months: [], // the months the slider runs over, yyyy-MM
    playing: null,
  };

  // ---- talking to the API ----

  async function graphql(query, variables) {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
    const key = sessionStorage.getItem('graph-api-key');
    if (key) headers['X-Api-Key'] = key;
    const response = await fetch(new URL('graphql', document.baseURI), { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    if (response.status === 401 || response.status === 403) {
      $('#key-form').hidden = false;
      throw new Error(response.status === 401
        ? 'The service asks for an API key; give one with the reader role above.'
        : 'This API key lacks the reader role.');
    }

    let body;
    try {
      body = await response.json();
    } catch {
      throw new Error(`The service answered ${response.status} without a GraphQL result.`);
    }

    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join(' '));
    return body.data;
  }

  function say(message, problem = false) {
    status.textContent = message;
    status.classList.toggle('problem', problem);
  }

  // ---- the canvas ----

  const cy = cytoscape({
    container: $('#canvas'),
    minZoom: 0.05,
    maxZoom: 4,
    style: [
      { selector: 'node', style: {
        label: 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3, 'min-zoomed-font-size': 6,
        'background-color': 'data(colour)', width: 22, height: 22, 'border-width': 1, 'border-color': '#fff',
      } },
      { selector: 'node.organisation', style: { shape: 'round-rectangle' } },
      { selector: 'node.statement', style: { shape: 'diamond', width: 14, height: 14, 'font-size': 8 } },
      { selector: 'node.centre', style: { width: 34, height: 34, 'border-width': 3, 'border-color': '#1f2328', 'font-weight': 'bold' } },
      { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#1f2328' } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#0969da' } },
      { selector: 'edge', style: {
        width: 'mapData(weight, 1, 20, 1.5, 8)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8,
        'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', opacity: 0.85,
      } },
      { selector: 'edge.role', style: { 'line-style': 'dashed' } },
      { selector: 'edge.structural', style: { 'line-style': 'dotted', 'target-arrow-shape': 'none', width: 1 } },
      { selector: 'edge.dense', style: {
        'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none', 'mid-target-arrow-shape': 'triangle',
        'mid-target-arrow-color': 'data(colour)',
      } },
      { selector: 'edge.dense.structural', style: { 'mid-target-arrow-shape': 'none' } },
      { selector: 'edge:selected', style: { width: 4, opacity: 1 } },
      { selector: '.path', style: { 'border-width': 3, 'border-color': '#bf3989', 'line-color': '#bf3989', 'target-arrow-color': '#bf3989', width: 3 } },
      { selector: '.hidden', style: { display: 'none' } },
    ],
  });

  /** A label short enough to draw: Cytoscape.js measures and cuts long labels itself on every frame, at great cost. */
  function short(text) {
    return text.length > 28 ? `${text.slice(0, 27)}…` : text;
  }

  function actorColour(actor) {
    return actor.type === 'Person' ? PERSON_COLOUR : ORGANISATION_COLOURS[actor.kind] ?? ORGANISATION_COLOURS.OTHER;
  }

  function edgeColour(edge) {
    return edge.kind ? KIND_COLOURS[edge.kind] : '#8c959f';
  }

  function remember(network) {
    for (const node of network.nodes) {
      state.actors.set(node.id, { id: node.id, name: node.name, type: node.__typename, kind: node.kind ?? null });
    }
    for (const edge of network.edges) {
      state.edges.set(edge.id, {
        id: edge.id, type: edge.type, source: edge.source, target: edge.target, kind: edge.kind, saidOn: edge.saidOn,
        role: edge.role, targetRole: edge.targetRole, statementId: edge.statementId,
        summary: edge.statement?.summary ?? edge.statement?.quote ?? null,
      });
    }
  }

  /** Adds the actors to the canvas with every remembered edge whose ends are both drawn; returns the new nodes. */
  function show(ids) {
    const added = [];
    cy.batch(() => {
      for (const id of ids) {
        if (state.shown.has(id) || !state.actors.has(id)) continue;
        state.shown.add(id);
        const actor = state.actors.get(id);
        added.push(cy.add({
          group: 'nodes',
          data: { id, label: short(actor.name), colour: actorColour(actor) },
          classes: actor.type === 'Person' ? 'person' : 'organisation',
        }));
      }
      // Statements of one kind from one actor to another in one role are drawn as one edge, as wide as they are many:
      // thousands of parallel curves would cost the canvas seconds and show nothing more.
      for (const edge of state.edges.values()) {
        if (state.placed.has(edge.id) || !state.shown.has(edge.source) || !state.shown.has(edge.target)) continue;
        state.placed.add(edge.id);
        const id = `${edge.source}|${edge.target}|${edge.statementId ? `${edge.kind}|${edge.targetRole}` : edge.type}`;
        const group = state.groups.get(id);
        if (group) {
          group.members.push(edge.id);
          continue;
        }
        state.groups.set(id, { source: edge.source, target: edge.target, kind: edge.kind, targetRole: edge.targetRole, type: edge.type, members: [edge.id], visible: [] });
        const classes = edge.statementId ? (edge.targetRole === 'ADDRESSEE' ? 'statement-edge' : 'statement-edge role') : 'structural';
        cy.add({ group: 'edges', data: { id, source: edge.source, target: edge.target, colour: edgeColour(edge), weight: 1 }, classes });
      }
      const edges = cy.edges();
      edges.toggleClass('dense', edges.length > DENSE_EDGES);
    });
    return cy.collection(added);
  }

  async function open(id, label) {
    stopPlaying();
    say(`Drawing the network around ${label}…`);
    const started = performance.now();
    const data = await graphql(NEIGHBOURHOOD, { actor: { id }, first: INITIAL_CAP - 1 });
    performance.mark('explorer:network-data');
    const network = data.neighbourhood;
    if (network.nodes.length === 0) {
      say(`${label} is not in the graph.`, true);
      return;
    }

    cy.elements().remove();
    Object.assign(state, {
      actors: new Map(), edges: new Map(), groups: new Map(), placed: new Set(), statementNodes: new Map(), pathSteps: new Map(), shown: new Set(),
      expanded: new Set(), pending: new Map(), fetched: new Map(),
    });
    remember(network);
    state.centre = id;
    state.expanded.add(id);
    if (network.truncated) state.fetched.set(id, INITIAL_CAP - 1);
    show([id, ...rankNeighbours(id, network.edges).filter((n) => n !== id)]);
    cy.getElementById(id).addClass('centre expanded');
    layoutAll();
    refreshAfterChange();
    await drawn();
    performance.mark('explorer:network-drawn');
    performance.measure('explorer:draw', 'explorer:network-data', 'explorer:network-drawn');
    const more = network.truncated ? ' (the most linked; more are within reach)' : '';
    say(`${state.actors.get(id).name}: ${state.shown.size - 1} actors linked${more}, drawn in ${Math.round(performance.now() - started)} ms.`);
    history.replaceState(null, '', `?actor=${encodeURIComponent(id)}`);
  }

  /** An actor's neighbours in the edges, the most linked to it first, then by name. */
  function rankNeighbours(id, edges) {
    const weight = new Map();
    for (const e of edges) {
      const other = e.source === id ? e.target : e.target === id ? e.source : null;
      if (other !== null) weight.set(other, (weight.get(other) ?? 0) + 1);
    }
    return [...weight.keys()].sort((a, b) => weight.get(b) - weight.get(a) || name(a).localeCompare(name(b)));
  }

  function name(id) {
    return state.actors.get(id)?.name ?? state.statementNodes.get(id)?.label ?? id;
  }

  async function expand(id, first = EXPAND_FETCH) {
    stopPlaying();
    const actor = state.actors.get(id);
    say(`Expanding ${actor.name}…`);
    const data = await graphql(NEIGHBOURHOOD, { actor: { id }, first });
    performance.mark('explorer:expand-data');
    remember(data.neighbourhood);
    if (data.neighbourhood.truncated) state.fetched.set(id, first); else state.fetched.delete(id);
    state.expanded.add(id);
    const fresh = rankNeighbours(id, data.neighbourhood.edges).filter((n) => !state.shown.has(n));
    addAround(id, fresh);
    await drawn();
    performance.mark('explorer:expand-drawn');
    performance.measure('explorer:expand', 'explorer:expand-data', 'explorer:expand-drawn');
  }

  /** Draws up to EXPAND_CAP of the ids around an actor, keeping the rest for "show more". */
  function addAround(id, ids) {
    const now = ids.slice(0, EXPAND_CAP);
    const later = ids.slice(EXPAND_CAP);
    if (later.length) state.pending.set(id, later); else state.pending.delete(id);
    const added = show(now);
    cy.getElementById(id).addClass('expanded');
    placeAround(cy.getElementById(id), added);
    refreshAfterChange();
    const actor = state.actors.get(id);
    say(`${actor.name}: ${now.length} more actors drawn${later.length ? `, ${later.length} more to show` : ''}.`);
  }

  /** Draws more around an actor: those fetched but not drawn yet, or else more fetched from the server. */
  function showMore(id) {
    const waiting = (state.pending.get(id) ?? []).filter((n) => !state.shown.has(n));
    if (waiting.length > 0) {
      addAround(id, waiting);
      return;
    }
    const fetched = state.fetched.get(id);
    if (fetched) run(expand(id, Math.min(MAX_FETCH, fetched * 4)));
  }

  function layoutAll() {
    const centre = state.centre;
    cy.layout({
      name: 'concentric', animate: false, fit: false, minNodeSpacing: 28, startAngle: 3 / 2 * Math.PI,
      concentric: (node) => node.id() === centre ? 2 : 1, levelWidth: () => 1,
    }).run();
    fit();
  }

  /** Fits the visible network to the canvas, never zooming in so far that a small network's labels swamp it. */
  function fit() {
    cy.fit(cy.elements(':visible'), 40);
    if (cy.zoom() > 1.2) {
      cy.zoom(1.2);
      cy.center(cy.elements(':visible'));
    }
  }

  /** Settles a small network after it grew, starting from where its nodes are, so what was seen stays recognisable. */
  function settle() {
    if (cy.nodes().length > SETTLE_LIMIT) return;
    cy.layout({
      name: 'cose', animate: false, randomize: false, fit: false, nodeRepulsion: () => 400_000, idealEdgeLength: () => 100,
      nodeOverlap: 20, gravity: 40, numIter: 600,
    }).run();
  }

  function placeAround(centreNode, nodes) {
    if (nodes.empty()) return;
    const { x, y } = centreNode.position();
    const radius = 80 + nodes.length * 6;
    nodes.forEach((node, i) => {
      const angle = (2 * Math.PI * i) / nodes.length;
      node.position({ x: x + radius * Math.cos(angle), y: y + radius * Math.sin(angle) });
    });
    settle();
    fit();
  }

  /** Resolves once the browser has painted what the canvas holds now. */
  function drawn() {
    return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }

  // ---- filters ----

  function buildFilters() {
    const kinds = $('#kinds .choices');
    for (const [kind, label, colour] of KINDS) {
      kinds.append(choice(kind, label, colour));
    }
    const roles = $('#roles .choices');
    for (const [link, label] of LINKS) {
      roles.append(choice(link, label, null));
    }
    $('#kinds').addEventListener('click', (event) => {
      const select = event.target.closest('button[data-select]')?.dataset.select;
      if (!select) return;
      for (const box of document.querySelectorAll('#kinds input')) box.checked = select === 'all';
      applyFilters();
    });
    for (const box of document.querySelectorAll('#kinds input, #roles input')) box.addEventListener('change', applyFilters);
  }

  function choice(value, label, colour) {
    const wrapper = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = value;
    box.checked = true;
    wrapper.append(box);
    if (colour) {
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = colour;
      wrapper.append(swatch);
    }
    wrapper.append(label);
    return wrapper;
  }

  function checked(selector) {
    return new Set([...document.querySelectorAll(`${selector} input:checked`)].map((box) => box.value));
  }

  /** The first and last month a partial date may mean: 2020 is 2020-01 to 2020-12. */
  function monthSpan(saidOn) {
    if (!saidOn) return null;
    return saidOn.length === 4 ? [`${saidOn}-01`, `${saidOn}-12`] : [saidOn.slice(0, 7), saidOn.slice(0, 7)];
  }

  function rebuildMonths() {
    const spans = [...state.edges.values()].map((e) => monthSpan(e.saidOn)).filter(Boolean);
    const from = $('#date-from');
    const to = $('#date-to');
    const wholeSpan = Number(from.value) === 0 && Number(to.value) === Number(to.max);
    if (spans.length === 0) {
      state.months = [];
    } else {
      const first = spans.map((s) => s[0]).sort()[0];
      const last = spans.map((s) => s[1]).sort().at(-1);
      state.months = [];
      for (let [y, m] = first.split('-').map(Number); `${y}-${String(m).padStart(2, '0')}` <= last; m === 12 ? (y++, m = 1) : m++) {
        state.months.push(`${y}-${String(m).padStart(2, '0')}`);
      }
    }
    const max = Math.max(0, state.months.length - 1);
    for (const input of [from, to]) input.max = String(max);
    if (wholeSpan) {
      from.value = '0';
      to.value = String(max);
    }
    $('#play').disabled = state.months.length < 2;
  }

  function applyFilters() {
    const kinds = checked('#kinds');
    const links = checked('#roles');
    const from = Number($('#date-from').value);
    const to = Number($('#date-to').value);
    const whole = from === 0 && to === Math.max(0, state.months.length - 1);
    const fromMonth = state.months[from];
    const toMonth = state.months[to];
    $('#date-from-label').textContent = fromMonth ?? '–';
    $('#date-to-label').textContent = toMonth ?? '–';

    const visibleEdge = (edge) => {
      if (!edge.statementId) return links.has(edge.type);
      if (!kinds.has(edge.kind) || !links.has(edge.targetRole)) return false;
      const span = monthSpan(edge.saidOn);
      if (!span) return whole;
      return span[1] >= fromMonth && span[0] <= toMonth;
    };

    cy.batch(() => {
      const linked = new Set([...state.expanded, ...state.statementNodes.keys()]);
      cy.edges().forEach((element) => {
        const group = state.groups.get(element.id());
        if (group) {
          group.visible = group.members.filter((id) => visibleEdge(state.edges.get(id)));
          element.data('weight', group.visible.length);
        }
        const visible = group ? group.visible.length > 0 : true;
        element.toggleClass('hidden', !visible);
        if (visible) {
          linked.add(element.data('source'));
          linked.add(element.data('target'));
        }
      });
      cy.nodes().forEach((node) => node.toggleClass('hidden', !linked.has(node.id())));
    });
    renderLists();
  }

  function stopPlaying() {
    if (state.playing) {
      clearInterval(state.playing);
      state.playing = null;
      $('#play').textContent = 'Replay over time';
    }
  }

  function play() {
    if (state.playing) {
      stopPlaying();
      return;
    }
    const from = $('#date-from');
    const to = $('#date-to');
    to.value = from.value;
    applyFilters();
    $('#play').textContent = 'Stop';
    state.playing = setInterval(() => {
      if (Number(to.value) >= Number(to.max)) {
        stopPlaying();
        return;
      }
      to.value = String(Number(to.value) + 1);
      applyFilters();
    }, 350);
  }

  // ---- lists beside the canvas ----

  function button(text, onClick, attributes = {}) {
    const element = document.createElement('button');
    element.type = 'button';
    element.textContent = text;
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    element.addEventListener('click', onClick);
    return element;
  }

  function meta(text) {
    const span = document.createElement('span');
    span.className = 'meta';
    span.textContent = text;
    return span;
  }

  function describe(actor) {
    return actor.type === 'Person' ? 'person' : (actor.kind ?? 'organisation').toLowerCase().replaceAll('_', ' ');
  }

  function renderLists() {
    const visibleNodes = cy.nodes().not('.hidden');
    const actors = visibleNodes.filter((n) => state.actors.has(n.id())).map((n) => state.actors.get(n.id()))
      .sort((a, b) => (a.id === state.centre ? -1 : b.id === state.centre ? 1 : a.name.localeCompare(b.name)));
    const actorList = $('#actor-list');
    actorList.replaceChildren(...actors.map((actor) => {
      const item = document.createElement('li');
      item.dataset.actor = actor.id;
      item.append(button(actor.name, () => select(actor.id), { 'aria-label': `${actor.name}, ${describe(actor)}` }), meta(describe(actor)));
      if (!state.expanded.has(actor.id)) {
        item.append(button('Expand', () => run(expand(actor.id)), { 'aria-label': `Expand ${actor.name}` }));
      }
      const more = state.pending.get(actor.id)?.filter((id) => !state.shown.has(id)).length;
      if (more || (state.fetched.get(actor.id) ?? MAX_FETCH) < MAX_FETCH) {
        item.append(button(more ? `Show ${Math.min(more, EXPAND_CAP)} more` : 'Show more', () => showMore(actor.id), { 'aria-label': `Show more around ${actor.name}` }));
      }
      return item;
    }));
    $('#actor-count').textContent = `(${actors.length})`;

    const statements = new Map();
    const links = [];
    for (const edge of visibleEdges()) {
      if (!edge.statementId) {
        links.push(edge);
        continue;
      }
      const entry = statements.get(edge.statementId) ?? { edge, others: [] };
      entry.others.push(`${name(edge.target)}${edge.targetRole === 'ADDRESSEE' ? '' : ` (${ROLE_NAMES[edge.targetRole]})`}`);
      statements.set(edge.statementId, entry);
    }
    const ordered = [...statements.entries()].sort((a, b) => (b[1].edge.saidOn ?? '').localeCompare(a[1].edge.saidOn ?? '') || a[0].localeCompare(b[0]));
    $('#statement-list').replaceChildren(...ordered.map(([id, { edge, others }]) => {
      const item = document.createElement('li');
      item.dataset.statement = id;
      const summary = edge.summary ? `: ${edge.summary.length > 90 ? `${edge.summary.slice(0, 89)}…` : edge.summary}` : '';
      const text = `${edge.kind} · ${name(edge.source)} → ${others.join(', ')}${edge.saidOn ? ` · ${edge.saidOn}` : ''}${summary}`;
      item.append(button(text, () => run(showStatement(id))));
      return item;
    }));
    $('#statement-count').textContent = `(${ordered.length})`;

    $('#link-list').replaceChildren(...links.map((edge) => {
      const item = document.createElement('li');
      const text = edge.type === 'AFFILIATED_WITH'
        ? `${name(edge.source)} is affiliated with ${name(edge.target)}${edge.role ? ` (${edge.role})` : ''}`
        : `${name(edge.source)} is part of ${name(edge.target)}`;
      item.append(button(text, () => select(edge.source)));
      return item;
    }));

    $('#shown-actors').replaceChildren(...actors.map((actor) => Object.assign(document.createElement('option'), { value: actor.name })));
    updateGraphiQLLink();
  }

  function refreshAfterChange() {
    rebuildMonths();
    applyFilters();
    for (const id of ['#download-png', '#download-gexf', '#download-graphml']) $(id).disabled = cy.nodes().empty();
  }

  function select(id) {
    cy.elements().unselect();
    const node = cy.getElementById(id);
    node.select();
    cy.animate({ center: { eles: node } }, { duration: 200 });
    for (const item of document.querySelectorAll('#actor-list li')) item.classList.toggle('selected', item.dataset.actor === id);
    const actor = state.actors.get(id);
    if (actor) showActor(actor);
  }

  // ---- cards ----

  function card(title, ...parts) {
    const section = $('#card');
    const heading = document.createElement('h3');
    heading.textContent = title;
    section.replaceChildren(heading, ...parts);
    section.hidden = false;
    section.focus({ preventScroll: true });
  }

  function definitions(rows) {
    const list = document.createElement('dl');
    for (const [term, value] of rows) {
      if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      if (value instanceof Node) dd.append(value); else dd.textContent = Array.isArray(value) ? value.join(', ') : String(value);
      list.append(dt, dd);
    }
    return list;
  }

  function showActor(actor) {
    const actions = document.createElement('p');
    if (!state.expanded.has(actor.id)) actions.append(button('Expand', () => run(expand(actor.id))), ' ');
    actions.append(button('Centre the network here', () => run(open(actor.id, actor.name))));
    card(actor.name, definitions([['Type', describe(actor)], ['Id', actor.id]]), actions);
  }

  async function showStatement(id) {
    const { statement } = await graphql(STATEMENT, { id });
    if (!statement) {
      say('That statement is no longer in the graph.', true);
      return;
    }
    for (const item of document.querySelectorAll('#statement-list li')) item.classList.toggle('selected', item.dataset.statement === id);
    cy.elements().unselect();
    cy.edges().filter((e) => state.groups.get(e.id())?.members.some((m) => state.edges.get(m).statementId === id)).select();
    const names = (actors) => actors.map((a) => a.name);
    const parts = [];
    if (statement.quote) {
      const quote = document.createElement('blockquote');
      quote.textContent = statement.quote;
      parts.push(quote);
    }
    if (statement.summary) {
      const summary = document.createElement('p');
      summary.textContent = statement.summary;
      parts.push(summary);
    }
    const sources = document.createElement('ul');
    for (const source of statement.sources) {
      const item = document.createElement('li');
      const text = [source.title, source.publisher, source.publishedOn].filter(Boolean).join(' · ') || source.url;
      if (source.url && /^https?:\/\//i.test(source.url)) {
        const link = Object.assign(document.createElement('a'), { href: source.url, target: '_blank', rel: 'noopener noreferrer' });
        link.textContent = text;
        item.append(link);
      } else {
        item.textContent = text;
      }
      sources.append(item);
    }
    const precision = statement.saidOnPrecision ? ` (known to the ${statement.saidOnPrecision.toLowerCase()})` : '';
    parts.push(definitions([
      ['Kind', `${statement.kind} (CAMEO ${statement.cameoCode})`],
      ['Speaker', statement.speaker.name],
      ['On behalf of', statement.onBehalfOf?.name],
      ['Addressees', names(statement.addressees)],
      ['Exemplars', names(statement.exemplars)],
      ['Beneficiaries', names(statement.beneficiaries)],
      ['Subjects', names(statement.subjects)],
      ['Topics', statement.topics.map((t) => t.name)],
      ['Said', statement.saidOn ? `${statement.saidOn}${precision}` : 'date unknown'],
      ['Responds to', statement.respondsTo ? (statement.respondsTo.summary ?? statement.respondsTo.quote ?? statement.respondsTo.id) : null],
      ['Confidence', statement.confidence],
      ['Sources', statement.sources.length ? sources : null],
    ]));
    if (statement.retracted) {
      const retracted = document.createElement('p');
      retracted.className = 'retracted';
      retracted.textContent = `Retracted${statement.retraction?.reason ? `: ${statement.retraction.reason}` : ''}`;
      parts.push(retracted);
    }
    card(`${statement.speaker.name}: ${statement.kind.toLowerCase().replaceAll('_', ' ')}`, ...parts);
  }

  // ---- paths ----

  async function findPaths(from, to) {
    const { paths } = await graphql(PATHS, { from: { name: from }, to: { name: to } });
    const list = $('#path-list');
    cy.elements().removeClass('path');
    if (paths.length === 0) {
      list.replaceChildren(Object.assign(document.createElement('li'), { textContent: `No path of up to 4 links joins ${from} and ${to}.` }));
      return;
    }
    const ids = [];
    for (const path of paths) {
      for (const node of path.nodes) {
        if (node.__typename === 'Statement') {
          state.statementNodes.set(node.id, { id: node.id, kind: node.statementKind, label: `${node.statementKind}: ${node.summary ?? node.quote ?? node.id}` });
        } else {
          state.actors.set(node.id, state.actors.get(node.id) ?? { id: node.id, name: node.name, type: node.__typename, kind: node.kind ?? null });
          ids.push(node.id);
        }
      }
    }
    const added = show(ids);
    cy.batch(() => {
      for (const statement of state.statementNodes.values()) {
        if (cy.getElementById(statement.id).empty()) {
          cy.add({ group: 'nodes', data: { id: statement.id, label: statement.label, colour: KIND_COLOURS[statement.kind] ?? STATEMENT_COLOUR }, classes: 'statement' });
        }
      }
      for (const path of paths) {
        for (const step of path.steps) {
          const id = `path:${step.type}:${step.from}:${step.to}`;
          if (cy.getElementById(id).empty()) {
            state.pathSteps.set(id, { id, source: step.from, target: step.to, type: step.type });
            cy.add({ group: 'edges', data: { id, source: step.from, target: step.to, colour: STATEMENT_COLOUR, weight: 1 }, classes: 'role' });
          }
          cy.getElementById(id).addClass('path');
        }
        for (const node of path.nodes) cy.getElementById(node.id).addClass('path');
      }
    });
    const centre = cy.getElementById(state.centre);
    placeAround(centre.nonempty() ? centre : cy.nodes().first(), added.union(cy.nodes('.statement').filter((n) => n.position().x === 0 && n.position().y === 0)));
    refreshAfterChange();
    list.replaceChildren(...paths.map((path) => {
      const item = document.createElement('li');
      item.textContent = path.nodes.map((n) => n.__typename === 'Statement' ? `[${n.statementKind.toLowerCase()}]` : n.name).join(' — ');
      return item;
    }));
  }

  // ---- downloads and GraphiQL ----

  function visibleView() {
    const nodes = cy.nodes().not('.hidden').map((n) => {
      const actor = state.actors.get(n.id());
      const statement = state.statementNodes.get(n.id());
      return actor
        ? { id: actor.id, label: actor.name, type: actor.type === 'Person' ? 'person' : 'organisation', kind: actor.kind, colour: actorColour(actor) }
        : { id: n.id(), label: statement?.label ?? n.id(), type: 'statement', kind: statement?.kind, colour: STATEMENT_COLOUR };
    });
    const steps = cy.edges().not('.hidden').map((e) => state.pathSteps.get(e.id())).filter(Boolean);
    const edges = [...visibleEdges(), ...steps].map((edge) => ({ ...edge, colour: edge.kind ? KIND_COLOURS[edge.kind] : '#8c959f' }));
    return { nodes, edges };
  }

  /** Every statement edge and link the view shows, one by one, as the filters leave them. */
  function visibleEdges() {
    return [...state.groups.values()].flatMap((group) => group.visible.map((id) => state.edges.get(id)));
  }

  // XML 1.0 has no place for most control characters, nor for lone surrogates; they are dropped, the rest escaped.
  function xml(text) {
    return String(text ?? '')
      .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
      .replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
  }

  function rgb(hex) {
    return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  }

  /** The first and last day a partial date may mean. */
  function daySpan(saidOn) {
    if (!saidOn) return null;
    if (saidOn.length === 10) return [saidOn, saidOn];
    if (saidOn.length === 7) {
      const [y, m] = saidOn.split('-').map(Number);
      return [`${saidOn}-01`, `${saidOn}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`];
    }
    return [`${saidOn}-01-01`, `${saidOn}-12-31`];
  }

  function gexf({ nodes, edges }) {
    const lines = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
      `  <meta lastmodifieddate="${new Date().toISOString().slice(0, 10)}"><creator>stakeholder-graph explorer</creator>`
        + '<description>The explorer\'s view: actors, and an edge from each speaker to each actor in its statements.</description></meta>',
      '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">',
      '    <attributes class="node" mode="static"><attribute id="type" title="type" type="string"/><attribute id="kind" title="kind" type="string"/></attributes>',
      '    <attributes class="edge" mode="static"><attribute id="statement" title="statement" type="string"/><attribute id="role" title="role" type="string"/><attribute id="saidOn" title="saidOn" type="string"/></attributes>',
      '    <nodes>',
    ];
    for (const node of nodes) {
      const [r, g, b] = rgb(node.colour);
      const values = [['type', node.type], ['kind', node.kind]].filter(([, v]) => v)
        .map(([k, v]) => `<attvalue for="${k}" value="${xml(v)}"/>`).join('');
      lines.push(`      <node id="${xml(node.id)}" label="${xml(node.label.replace(/\s+/g, ' ').trim())}"><attvalues>${values}</attvalues><color r="${r}" g="${g}" b="${b}"/></node>`);
    }
    lines.push('    </nodes>', '    <edges>');
    edges.forEach((edge, i) => {
      const [r, g, b] = rgb(edge.colour);
      const values = [['statement', edge.statementId], ['role', edge.targetRole ?? edge.role], ['saidOn', edge.saidOn]].filter(([, v]) => v)
        .map(([k, v]) => `<attvalue for="${k}" value="${xml(v)}"/>`).join('');
      const span = daySpan(edge.saidOn);
      const spells = span ? `<spells><spell start="${span[0]}" end="${span[1]}"/></spells>` : '';
      const kind = edge.kind ? ` kind="${xml(edge.kind)}"` : '';
      lines.push(`      <edge id="e${i + 1}" source="${xml(edge.source)}" target="${xml(edge.target)}" label="${xml(edge.type)}"${kind} weight="1"><attvalues>${values}</attvalues>${spells}<color r="${r}" g="${g}" b="${b}"/></edge>`);
    });
    lines.push('    </edges>', '  </graph>', '</gexf>', '');
    return lines.join('\n');
  }

  function graphml({ nodes, edges }) {
    const keys = [['label', 'node'], ['type', 'node'], ['kind', 'all'], ['statement', 'edge'], ['role', 'edge'], ['saidOn', 'edge'], ['relationship', 'edge']];
    const data = (pairs) => pairs.filter(([, v]) => v).map(([k, v]) => `<data key="${k}">${xml(v)}</data>`).join('');
    const lines = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
      ...keys.map(([id, kind]) => `  <key id="${id}" for="${kind}" attr.name="${id}" attr.type="string"/>`),
      '  <graph id="explorer" edgedefault="directed">',
      ...nodes.map((n) => `    <node id="${xml(n.id)}">${data([['label', n.label], ['type', n.type], ['kind', n.kind]])}</node>`),
      ...edges.map((e, i) => `    <edge id="e${i + 1}" source="${xml(e.source)}" target="${xml(e.target)}">${data([['relationship', e.type], ['kind', e.kind], ['statement', e.statementId], ['role', e.targetRole ?? e.role], ['saidOn', e.saidOn]])}</edge>`),
      '  </graph>',
      '</graphml>',
      '',
    ];
    return lines.join('\n');
  }

  function download(blob, extension) {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${state.centre ?? 'network'}.${extension}`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  function updateGraphiQLLink() {
    const roots = [...state.expanded];
    if (roots.length === 0) return;
    const query = [
      'query ExplorerView {',
      ...roots.map((id, i) => `  actor${i}: neighbourhood(actor: { id: ${JSON.stringify(id)} }) { ...Network }`),
      '}',
      '',
      'fragment Network on Network {',
      '  nodes { id name __typename ... on Organisation { kind } }',
      '  edges { type source target kind saidOn targetRole role statementId }',
      '}',
    ].join('\n');
    $('#open-graphiql').href = `graphiql?query=${encodeURIComponent(query)}`;
  }

  // ---- search ----

  const search = $('#search');
  const suggestions = $('#suggestions');
  let suggested = [];
  let active = -1;
  let asked = 0;

  async function suggest() {
    const text = search.value.trim();
    const mine = ++asked;
    if (text.length === 0) {
      closeSuggestions();
      return;
    }
    const { actors } = await graphql(SUGGEST, { name: text });
    if (mine !== asked) return;
    suggested = actors;
    active = actors.length ? 0 : -1;
    renderSuggestions();
  }

  function renderSuggestions() {
    suggestions.replaceChildren(...suggested.map((actor, i) => {
      const item = document.createElement('li');
      item.id = `suggestion-${i}`;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', String(i === active));
      item.append(actor.name, ' ', meta([describe({ type: actor.__typename, kind: actor.kind }), ...actor.aliases].join(' · ')));
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        pick(actor);
      });
      return item;
    }));
    suggestions.hidden = suggested.length === 0;
    search.setAttribute('aria-expanded', String(!suggestions.hidden));
    if (active >= 0) search.setAttribute('aria-activedescendant', `suggestion-${active}`); else search.removeAttribute('aria-activedescendant');
  }

  function closeSuggestions() {
    suggested = [];
    active = -1;
    renderSuggestions();
  }

  function pick(actor) {
    search.value = actor.name;
    closeSuggestions();
    run(open(actor.id, actor.name));
  }

  let typing;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => run(suggest()), 120);
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (suggested.length === 0) return;
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : -1) + suggested.length) % suggested.length;
      renderSuggestions();
    } else if (event.key === 'Escape') {
      closeSuggestions();
    }
  });
  $('#search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = search.value.trim();
    if (!text) return;
    clearTimeout(typing);
    // Enter opens the suggestion chosen, or else the best match for what was typed.
    const chosen = suggested[active];
    if (chosen) {
      pick(chosen);
      return;
    }
    run((async () => {
      const { actors } = await graphql(SUGGEST, { name: text });
      if (actors.length === 0) {
        say(`No organisation or person is called "${text}".`, true);
        return;
      }
      pick(actors[0]);
    })());
  });
  search.addEventListener('blur', () => setTimeout(closeSuggestions, 150));

  // ---- wiring ----

  function run(promise) {
    promise.catch((error) => say(error.message, true));
  }

  buildFilters();
  for (const input of [$('#date-from'), $('#date-to')]) {
    input.addEventListener('input', () => {
      stopPlaying();
      const from = $('#date-from');
      const to = $('#date-to');
      if (Number(from.value) > Number(to.value)) (input === from ? to : from).value = input.value;
      applyFilters();
    });
  }
  $('#play').addEventListener('click', play);
  $('#paths-form').addEventListener('submit', (event) => {
    event.preventDefault();
    run(findPaths($('#path-from').value.trim(), $('#path-to').value.trim()));
  });
  $('#download-png').addEventListener('click', () => download(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }), 'png'));
  $('#download-gexf').addEventListener('click', () => download(new Blob([gexf(visibleView())], { type: 'application/gexf+xml' }), 'gexf'));
  $('#download-graphml').addEventListener('click', () => download(new Blob([graphml(visibleView())], { type: 'application/graphml+xml' }), 'graphml'));
  $('#key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem('graph-api-key', $('#api-key').value.trim());
    $('#key-form').hidden = true;
    say('Key kept for this tab. Search again.');
  });

  cy.on('tap', 'node', (event) => {
    const id = event.target.id();
    if (state.actors.has(id)) select(id); else run(showStatement(id));
  });
  cy.on('dbltap', 'node', (event) => {
    const id = event.target.id();
    if (state.actors.has(id) && !state.expanded.has(id)) run(expand(id));
  });
  cy.on('tap', 'edge', (event) => {
    const group = state.groups.get(event.target.id());
    const statements = [...new Set((group?.visible ?? []).map((id) => state.edges.get(id).statementId).filter(Boolean))];
    if (statements.length === 1) {
      run(showStatement(statements[0]));
    } else if (statements.length > 1) {
      const list = document.createElement('ul');
      for (const id of statements) {
        const edge = state.edges.get(group.visible.find((m) => state.edges.get(m).statementId === id));
        const item = document.createElement('li');
        item.append(button(`${edge.saidOn ?? 'undated'}: ${edge.summary ?? id}`, () => run(showStatement(id))));
        list.append(item);
      }
      card(`${statements.length} statements: ${name(group.source)} → ${name(group.target)}, ${group.kind.toLowerCase()}`, list);
    }
  });

  document.addEventListener('keydown', (event) => {
    if (event.key === '/' && document.activeElement?.tagName !== 'INPUT') {
      event.preventDefault();
      search.focus();
    }
  });

  // /explore?actor=<id> opens that actor's network, so a view can be linked to.
  const start = new URLSearchParams(location.search).get('actor');
  if (start) run(open(start, start));
})();
