export const headers = {
  // pi-expect: SEC-SECRET-001
  Authorization: `token ${"ghp_16C7e42F292c6912E7710c838347Ae178B4a"}`,
};
