type Props = { items: string[] };
export const List = ({ items }: Props) => (
  // pi-expect: clean
  <ol>{items.map((x) => <li key={x}>{x}</li>)}</ol>
);
