/**
 * Handset identifiers: the IMEI (the handset) and the IMSI (the SIM). Why here: a seized phone's
 * IMEI and IMSI link investigations as surely as its number does, and a mis-keyed digit must be
 * caught before it links two phones that never met. Decisions: an IMEI is 15 digits whose last is
 * the Luhn check digit of the first 14 (3GPP TS 23.003); 14 digits (no check digit) and the
 * 16-digit IMEISV carry no check digit and are accepted as they are, keyed on the first 14 digits
 * so the three forms of one handset meet. An IMSI has no check digit at all: it is 6 to 15 digits
 * starting with a mobile country code (MCC, 3 digits, 2xx-7xx are allocated), which is all that can
 * be checked.
 */

/** The Luhn check digit of a string of digits. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export interface DeviceIdCheck {
  /** The digits the identifier is linked on (the first 14 for an IMEI). */
  readonly key: string;
  readonly valid: boolean;
  /** Why it is invalid, in words. */
  readonly reason?: string;
}

const digitsOf = (raw: string) => raw.replace(/[\s\-/.]/g, '');

export function checkImei(raw: string): DeviceIdCheck {
  const d = digitsOf(raw);
  if (!/^\d+$/.test(d)) return { key: d, valid: false, reason: 'an IMEI is digits only' };
  if (d.length === 15) {
    const ok = luhnCheckDigit(d.slice(0, 14)) === Number(d[14]);
    return ok
      ? { key: d.slice(0, 14), valid: true }
      : {
          key: d.slice(0, 14),
          valid: false,
          reason: `check digit ${d[14]} is wrong (Luhn gives ${luhnCheckDigit(d.slice(0, 14))})`,
        };
  }
  if (d.length === 14 || d.length === 16) return { key: d.slice(0, 14), valid: true };
  return {
    key: d,
    valid: false,
    reason: `an IMEI has 15 digits (14 without the check digit, 16 as IMEISV), not ${d.length}`,
  };
}

export function checkImsi(raw: string): DeviceIdCheck {
  const d = digitsOf(raw);
  if (!/^\d+$/.test(d)) return { key: d, valid: false, reason: 'an IMSI is digits only' };
  if (d.length < 6 || d.length > 15)
    return { key: d, valid: false, reason: `an IMSI has 6 to 15 digits, not ${d.length}` };
  const mcc = Number(d.slice(0, 3));
  if (mcc < 200 || mcc > 799)
    return { key: d, valid: false, reason: `${d.slice(0, 3)} is not an allocated mobile country code` };
  return { key: d, valid: true };
}
