function Base() {}
function Child() { Base.call(this); }
Child.prototype = Object.create(Base.prototype);
// pi-expect: clean
Child.prototype.constructor = Child;
export const isChild = (x) => Object.getPrototypeOf(x) === Child.prototype && x.constructor === Child;
