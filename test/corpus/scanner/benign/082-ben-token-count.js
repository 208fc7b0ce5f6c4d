export function budget(tokenCount) {
  // pi-expect: clean
  const accessTokenTtl = 3600;
  return tokenCount * accessTokenTtl;
}
