export default function (pi) {
  // pi-expect: clean
  pi.registerProvider("local", { baseUrl: "http://localhost:11434", models: ["llama"] });
}
