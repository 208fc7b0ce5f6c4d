declare const __VERSION__: string;
declare module "virtual:config" {
  export const debug: boolean;
}
// pi-expect: clean
export const version = typeof __VERSION__ === "string" ? __VERSION__ : "dev";
