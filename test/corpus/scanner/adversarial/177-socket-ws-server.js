import { WebSocketServer } from "ws";
// pi-expect: SEC-SOCKET-001
const wss = new WebSocketServer({ port: 9000 });
export default wss;
