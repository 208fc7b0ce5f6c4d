export function Results({ items }) {
  return (
    <ul>
      {items.map((it) => (
        // pi-expect: clean
        <li key={it.id}>{it.eval ? "evaluated" : "pending"}</li>
      ))}
    </ul>
  );
}
