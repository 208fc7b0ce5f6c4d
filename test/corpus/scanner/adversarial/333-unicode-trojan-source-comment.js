// Trojan Source: bidi controls make the reviewer see other code than what runs.
export function canDeleteRepository(user) {
  // Shown as a comment after the string; really part of it, so every non-"user" level passes.
  // pi-expect: SEC-UNICODE-001
  if (user.accessLevel != "user‮ ⁦// Check if admin⁩ ⁦") {
    return true;
  }
  // Shown as an admin check; really one comment.
  // pi-expect: SEC-UNICODE-001
  let granted = false; /*‮ } ⁦if (user.admin)⁩ ⁦ begin admins only */ granted = true;
  return granted;
}
