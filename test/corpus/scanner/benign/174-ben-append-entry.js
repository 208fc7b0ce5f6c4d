export default function (pi) {
  pi.on("turn_end", (ev) => {
    // pi-expect: clean
    pi.appendEntry("metrics", { tokens: ev.usage?.total ?? 0 });
  });
}
