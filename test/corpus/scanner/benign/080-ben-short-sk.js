export const SIZES = {
  // pi-expect: clean
  sm: "sk-1",
  md: "md-2",
};
