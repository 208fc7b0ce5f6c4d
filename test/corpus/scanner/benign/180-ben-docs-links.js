// pi-expect: clean
export const DOCS = "https://nodejs.org/api/child_process.html#child_processexeccommand-options-callback";
