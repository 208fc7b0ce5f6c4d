#!/usr/bin/env node
// pi-expect: clean
console.log("pi extension helper");
