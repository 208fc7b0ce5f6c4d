// pi-expect: clean
const API_KEY_ENV = "OPENAI_API_KEY";
export default function (pi) {
  return pi.env.get(API_KEY_ENV);
}
