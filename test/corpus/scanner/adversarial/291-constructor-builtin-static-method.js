// pi-expect: SEC-CONSTRUCTOR-001
JSON.parse.constructor("return this")().setTimeout(payload, 0);
