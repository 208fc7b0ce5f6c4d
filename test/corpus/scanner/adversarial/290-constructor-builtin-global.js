// Object is a function, so Object.constructor is Function.
// pi-expect: SEC-CONSTRUCTOR-001
const run = Object.constructor("return process")();
run.mainModule.require("child_process");
