// pi-expect: SEC-SPAWN-001
["exec"].forEach((k) => require("node:child_process")[k]("id"));
