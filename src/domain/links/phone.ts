/**
 * Phone numbers to E.164, with libphonenumber-js (full metadata, so that a number's type is
 * known). Why: the same handset appears as `07700 900123`, `+44 7700 900123`, `447700900123` and
 * `447700900123@s.whatsapp.net` in different exports, and only one key lets them meet.
 * Decisions:
 * - The region a national number is read in is the device's (default GB); a number written
 *   internationally without its `+` (`15555215554`, WhatsApp IDs) is tried as international when
 *   the national reading is not valid.
 * - An invalid number is kept, flagged, and keyed on its best-effort E.164 form (or its digits),
 *   so a test persona's fictional number still links and the analyst sees the flag.
 * - Short codes (up to 6 digits dialled without a country code: 999, 112, 101, 111, voicemail
 *   121/123/1571/901, network codes 411/611, SMS short codes) and freephone, premium-rate and
 *   shared-cost numbers are service numbers: recorded, never linked. Thousands of phones call
 *   999 and their network's voicemail; that is not a link between them.
 */
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';

export type PhoneStatus = 'valid' | 'invalid' | 'service';

export interface PhoneReading {
  /** E.164 when it could be worked out, otherwise the digits as written. */
  readonly key: string;
  readonly status: PhoneStatus;
  /** Why it is invalid or a service number. */
  readonly reason?: string;
}

/** Short numbers named for what they are (the rest of the short codes are "short code"). */
const NAMED_SHORT: Readonly<Record<string, string>> = {
  '999': 'emergency (999)',
  '112': 'emergency (112)',
  '911': 'emergency (911)',
  '101': 'police non-emergency (101)',
  '111': 'NHS 111',
  '100': 'operator',
  '155': 'international operator',
  '121': 'voicemail',
  '123': 'voicemail',
  '1571': 'voicemail',
  '901': 'voicemail',
  '443': 'voicemail',
  '222': 'voicemail',
};
const SERVICE_TYPES = new Set(['TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST', 'VOICEMAIL', 'UAN']);

export const DEFAULT_REGION: CountryCode = 'GB';

/** Whether `value` is a region libphonenumber knows (ISO 3166 alpha-2, any case). */
export const isRegion = (value: string): boolean => isSupportedCountry(value.toUpperCase());

function typed(p: PhoneNumber): PhoneReading {
  const type = p.getType();
  if (type !== undefined && SERVICE_TYPES.has(type)) {
    return { key: p.number, status: 'service', reason: type.toLowerCase().replace(/_/g, ' ') };
  }
  return { key: p.number, status: 'valid' };
}

/**
 * Reads one phone number as written. `raw` may carry formatting, a WhatsApp JID suffix or a
 * trailing "(name)"; the caller has already decided the text is meant to be a number.
 */
export function readPhone(raw: string, region: string = DEFAULT_REGION): PhoneReading {
  let text = raw.trim().replace(/\s*\([^()]*[A-Za-z][^()]*\)\s*$/, ''); // "+1919... (This Is DFIR Two)"
  const jid = /^(\d+)@(s\.whatsapp\.net|c\.us)$/i.exec(text);
  if (jid !== null) text = `+${jid[1]}`;
  text = text.replace(/^00(?=\d)/, '+');
  const international = text.startsWith('+');
  const digits = text.replace(/\D/g, '');
  if (digits === '') return { key: text, status: 'invalid', reason: 'no digits' };
  if (!international && digits.length <= 6) {
    return { key: digits, status: 'service', reason: NAMED_SHORT[digits] ?? 'short code' };
  }
  const country = region.toUpperCase() as CountryCode;
  const national = parsePhoneNumberFromString(text, country);
  if (national?.isValid() === true) return typed(national);
  const asInternational = international || text.startsWith('0') ? undefined : parsePhoneNumberFromString(`+${digits}`);
  if (asInternational?.isValid() === true) return typed(asInternational);
  const best = [national, asInternational].find((p) => p?.isPossible() === true);
  return {
    key: best?.number ?? (international ? `+${digits}` : digits),
    status: 'invalid',
    reason:
      best === undefined
        ? 'not a possible number'
        : `not a valid number in ${best.country ?? `+${best.countryCallingCode}`}`,
  };
}
