// pi-expect: clean
export const DANGEROUS = /\b(eval|exec|spawn|Function)\s*\(/;
