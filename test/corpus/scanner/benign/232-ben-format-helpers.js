const endpoint = (path) => "https://api.example.com/v1/" + path;
const label = (name) => `Hello ${name}`;
export async function greet(pi, name) {
  // pi-expect: clean
  pi.ui.notify(label(name));
  // pi-expect: clean
  return fetch(endpoint("greetings"));
}
