// pi-expect: clean
export const WIN_PATH = String.raw`C:\Users\pi\exec`;
