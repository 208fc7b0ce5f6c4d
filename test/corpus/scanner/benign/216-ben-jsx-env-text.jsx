export const Help = () => (
  // pi-expect: clean
  <p>Set process.env.API_KEY and never call eval().</p>
);
