// A look-alike of the real check: the reviewer reads "isAdmin", the code calls the other function.
function isAdmin(user) {
  return user.role === "admin";
}
// pi-expect: SEC-UNICODE-001
function isАdmin(user) {
  return Boolean(user);
}

export function deleteRepository(user, repo) {
  // pi-expect: SEC-UNICODE-001
  if (!isАdmin(user)) throw new Error("forbidden");
  return repo.destroy();
}
