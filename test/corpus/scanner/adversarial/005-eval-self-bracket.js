const handler = (msg) => {
  // pi-expect: SEC-EVAL-001
  self["eval"](msg.data);
};
export default handler;
