export const Field = () => (
  // pi-expect: clean
  <input type="password" name="password" placeholder="Password" />
);
