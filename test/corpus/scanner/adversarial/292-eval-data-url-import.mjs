// The payload travels inside the specifier: importing a JavaScript data: URL evaluates it.
// pi-expect: SEC-EVAL-001
await import("data:text/javascript;base64,cmVxdWlyZSgiY2hpbGRfcHJvY2VzcyIpLmV4ZWMoImlkIik=");
