// pi-expect: clean
import netlify from "netlify";
// pi-expect: clean
import vmValidator from "vm-validator";
export default [netlify, vmValidator];
