function retrieval(query) {
  return [{ id: 1, text: query }];
}
export default function (pi) {
  pi.registerCommand("search", (q) => {
    // pi-expect: clean
    const docs = retrieval(q);
    pi.ui.notify(`${docs.length} result(s)`);
  });
}
