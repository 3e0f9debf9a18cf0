// Starts GraphiQL against this service's /graphql, with the example queries as tabs and the schema docs open. It is a
// file of its own, not an inline script, so the page's Content-Security-Policy can refuse every inline script.
(async () => {
  const examples = await (await fetch(new URL('graphiql/examples.json', document.baseURI))).json();
  const tabs = examples.map((example) => ({ query: example.query }));

  // A browser sent to /graphql?query=... opens that query first, in a tab of its own.
  const params = new URLSearchParams(window.location.search);
  const query = params.get('query') ?? undefined;
  const variables = params.get('variables') ?? undefined;
  if (query) {
    tabs.unshift({ query, variables });
  }

  const fetcher = GraphiQL.createFetcher({
    url: new URL('graphql', document.baseURI).href,
    // Plain JSON: the endpoint does not stream incremental results.
    enableIncrementalDelivery: false,
  });
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultTabs: tabs,
      query,
      variables,
      defaultEditorToolsVisibility: false,
    }),
  );

  // GraphiQL 4.1.2 starts with its side pane hidden even when given visiblePlugin, so the schema docs are opened the
  // way a person opens them: with the sidebar's button, as soon as it is there.
  const docs = new MutationObserver(() => {
    const button = document.querySelector('button[aria-label="Show Documentation Explorer"]');
    if (button) {
      docs.disconnect();
      button.click();
    }
  });
  docs.observe(document.getElementById('graphiql'), { childList: true, subtree: true });
})();
