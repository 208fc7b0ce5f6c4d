export const identity = <T,>(x: T): T => x;
// pi-expect: clean
export const view = <div className="exec-panel">{identity("ready")}</div>;
