/**
 * One identifier as written in an export, read into the key it is linked on. Why one function:
 * every reader (iLEAPP, ALEAPP, Android databases, Cellebrite) hands over text, and the same rule
 * must decide what it is, so that a number in a contact card and the same number in a call log
 * meet. Decisions:
 * - Kinds: phone, email, handle (app accounts: `8:live:.cid.…`, user names), imei, imsi, and
 *   sender (an alphanumeric SMS sender such as `CoopMobile`: a service, never linked).
 * - The raw text is always kept beside the key; e-mail addresses and handles are lower-cased.
 * - Status: valid, invalid (kept and flagged; still linked, on its best-effort key, so the analyst
 *   sees the link and the flag) or service (recorded, never linked).
 * - A hint from the column mapping (this column holds phone numbers, e-mails, ...) wins over the
 *   guess; without one, `@` means e-mail (or a WhatsApp number), digits mean a phone number,
 *   anything else a handle.
 */
import { checkImei, checkImsi } from './device-ids.js';
import { DEFAULT_REGION, readPhone } from './phone.js';

export const IDENTIFIER_KINDS = ['phone', 'email', 'handle', 'imei', 'imsi', 'sender'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export const IDENTIFIER_STATUSES = ['valid', 'invalid', 'service'] as const;
export type IdentifierStatus = (typeof IDENTIFIER_STATUSES)[number];

export interface Identifier {
  readonly kind: IdentifierKind;
  /** What it is linked on: E.164, a lower-cased address or handle, IMEI digits. */
  readonly key: string;
  /** As written in the export. */
  readonly raw: string;
  readonly status: IdentifierStatus;
  /** Why it is invalid or a service, in words. */
  readonly reason?: string;
}

/** Whether an identifier takes part in linking (service numbers and sender names do not). */
export const isLinkable = (id: Pick<Identifier, 'status'>): boolean => id.status !== 'service';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WHATSAPP = /^\d+@(s\.whatsapp\.net|c\.us)$/i;
const PHONE_LIKE = /^\+?[\d\s().\-/]+$/;

/** `Mobile: (919) 579-0479`, `Phone-Mobile: +44…`, ` : a@b.com` -> the value after the label. */
export function stripLabel(text: string): { label: string | undefined; value: string } {
  const m = /^([^:]{0,40}):\s+(\S.*)$/.exec(text.trim());
  if (m === null) return { label: undefined, value: text.trim() };
  return { label: m[1]!.trim() || undefined, value: m[2]!.trim() };
}

/** The values of a multi-value cell: CR, LF, CRLF or Excel's `_x000D_` between them, labels removed. */
export function splitMulti(cell: string): { label: string | undefined; value: string }[] {
  return cell
    .replace(/_x000D_/g, '\n')
    .split(/\r\n|\r|\n/)
    .map(stripLabel)
    .filter((v) => v.value !== '');
}

/** The kind a label suggests (`Phone-Mobile`, `Email-Home`, `User ID-WhatsApp User Id`). */
export function kindFromLabel(label: string | undefined): IdentifierKind | undefined {
  if (label === undefined) return undefined;
  if (/^(phone|mobile|tel)/i.test(label)) return 'phone';
  if (/^e-?mail/i.test(label)) return 'email';
  if (/^user ?id/i.test(label)) return 'handle';
  return undefined;
}

/**
 * Reads `raw`. `hint` is the kind the column holds; a phone column may still hold a sender name
 * or an e-mail address (iMessage), which are read as what they are. Returns undefined for text
 * that holds no identifier (blank, or an account placeholder such as `E:`).
 */
export function readIdentifier(
  raw: string,
  hint?: IdentifierKind,
  region: string = DEFAULT_REGION,
): Identifier | undefined {
  const text = raw.trim();
  if (text === '' || /^[A-Za-z]?:$/.test(text) || text === '-') return undefined;
  if (hint === 'imei') return device('imei', text, checkImei(text));
  if (hint === 'imsi') return device('imsi', text, checkImsi(text));
  if (WHATSAPP.test(text)) return phone(text, region);
  if (/@(g\.us|broadcast)$/i.test(text)) return { kind: 'handle', key: text.toLowerCase(), raw: text, status: 'valid' };
  if (text.includes('@') && hint !== 'handle') {
    const key = text.toLowerCase();
    return EMAIL.test(key)
      ? { kind: 'email', key, raw: text, status: 'valid' }
      : { kind: 'email', key, raw: text, status: 'invalid', reason: 'not an e-mail address' };
  }
  const withoutName = text.replace(/\s*\([^()]*[A-Za-z][^()]*\)\s*$/, '');
  if (hint !== 'handle' && PHONE_LIKE.test(withoutName) && /\d/.test(withoutName)) return phone(text, region);
  if (hint === 'phone' && /^[A-Za-z][\w .&-]{0,15}$/.test(text) && !/^\d+$/.test(text)) {
    // An alphanumeric SMS sender ID ("CoopMobile", "SIGNAL"): it cannot be called or replied to.
    return { kind: 'sender', key: text.toLowerCase(), raw: text, status: 'service', reason: 'alphanumeric sender' };
  }
  return { kind: 'handle', key: text.toLowerCase(), raw: text, status: 'valid' };
}

function phone(text: string, region: string): Identifier {
  const r = readPhone(text, region);
  return {
    kind: 'phone',
    key: r.key,
    raw: text,
    status: r.status,
    ...(r.reason === undefined ? {} : { reason: r.reason }),
  };
}

function device(kind: 'imei' | 'imsi', raw: string, c: { key: string; valid: boolean; reason?: string }): Identifier {
  return {
    kind,
    key: c.key,
    raw,
    status: c.valid ? 'valid' : 'invalid',
    ...(c.reason === undefined ? {} : { reason: c.reason }),
  };
}
