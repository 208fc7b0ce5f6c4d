// pi-expect: clean
import lodash from "lodash";
export default lodash;
