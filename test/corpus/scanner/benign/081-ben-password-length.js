// pi-expect: clean
export const PASSWORD_MIN_LENGTH = 12;
// pi-expect: clean
export const passwordPolicy = { minLength: PASSWORD_MIN_LENGTH, requireDigit: true };
