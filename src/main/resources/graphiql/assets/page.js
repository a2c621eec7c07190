// GraphiQL on the service's own endpoint. The fetcher sends what the headers editor holds (an editor's
// Authorization: Bearer …) with every request; headers are not kept in the browser's storage unless the user asks.
(function () {
  const root = document.getElementById('graphiql');
  const endpoint = new URL(root.dataset.endpoint, window.location.href).toString();
  const fetcher = GraphiQL.createFetcher({ url: endpoint });
  ReactDOM.createRoot(root).render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: true,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
  }));
})();
