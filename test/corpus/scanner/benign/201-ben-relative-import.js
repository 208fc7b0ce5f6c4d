// pi-expect: clean
import { helper } from "./vm.js";
export default helper;
