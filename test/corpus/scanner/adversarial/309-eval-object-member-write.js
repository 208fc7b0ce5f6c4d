const handlers = { name: "runner" };
handlers["run"] = eval;
// pi-expect: SEC-EVAL-001
handlers.run(payload);
