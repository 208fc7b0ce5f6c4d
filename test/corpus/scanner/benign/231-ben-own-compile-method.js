class Template {
  _compile(text) {
    return text.split("{{");
  }
}
export function render(text) {
  // pi-expect: clean
  return new Template()._compile(text);
}
