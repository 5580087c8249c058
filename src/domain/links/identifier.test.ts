import { describe, expect, it } from 'vitest';
import { checkImei, checkImsi, luhnCheckDigit } from './device-ids.js';
import { isLinkable, readIdentifier, splitMulti } from './identifier.js';
import { readPhone } from './phone.js';

describe('phone numbers', () => {
  it('reads a UK number in any format to one E.164 key, keeping the raw form', () => {
    for (const raw of [
      '07911 123456',
      '+44 7911 123456',
      '447911123456',
      '0044 7911 123456',
      '447911123456@s.whatsapp.net',
    ]) {
      const id = readIdentifier(raw, 'phone');
      expect(id).toMatchObject({ kind: 'phone', key: '+447911123456', status: 'valid', raw });
    }
  });

  it("reads a national number in the device's region", () => {
    expect(readPhone('(919) 888-7386', 'US')).toEqual({ key: '+19198887386', status: 'valid' });
    expect(readPhone('0766013486', 'CH')).toEqual({ key: '+41766013486', status: 'valid' });
  });

  it('drops a trailing "(name)" as Burner writes it', () => {
    expect(readIdentifier('+19198887386 (This Is DFIR Two)', 'phone')?.key).toBe('+19198887386');
  });

  it('keeps an invalid number, flagged, on its best-effort key so both spellings meet', () => {
    const a = readIdentifier('1 555-521-5554', 'phone');
    const b = readIdentifier('15555215554', 'phone');
    expect(a).toMatchObject({ key: '+15555215554', status: 'invalid' });
    expect(b?.key).toBe(a?.key);
    expect(isLinkable(a!)).toBe(true);
    expect(readPhone('07700 900123').status).toBe('invalid'); // Ofcom's drama range
  });

  it('recognises emergency, non-emergency, voicemail and short codes and never links them', () => {
    expect(readPhone('999')).toEqual({ key: '999', status: 'service', reason: 'emergency (999)' });
    expect(readPhone('112').reason).toBe('emergency (112)');
    expect(readPhone('101').reason).toBe('police non-emergency (101)');
    expect(readPhone('111').reason).toBe('NHS 111');
    expect(readPhone('1571').reason).toBe('voicemail');
    expect(readPhone('32665')).toMatchObject({ status: 'service', reason: 'short code' });
    expect(readPhone('0800 555 111')).toMatchObject({ key: '+44800555111', status: 'service', reason: 'toll free' });
    expect(isLinkable(readIdentifier('999', 'phone')!)).toBe(false);
  });

  it('reads an alphanumeric SMS sender as a service sender, not a number', () => {
    expect(readIdentifier('CoopMobile', 'phone')).toMatchObject({
      kind: 'sender',
      key: 'coopmobile',
      status: 'service',
    });
  });
});

describe('e-mail addresses, handles, IMEI and IMSI', () => {
  it('lower-cases e-mail addresses and handles', () => {
    expect(readIdentifier('JoshuaHickman957@Gmail.com')).toMatchObject({
      kind: 'email',
      key: 'joshuahickman957@gmail.com',
    });
    expect(readIdentifier('8:live:.cid.832804F1252ED9B2', 'handle')).toMatchObject({
      kind: 'handle',
      key: '8:live:.cid.832804f1252ed9b2',
    });
  });

  it('treats blanks and account placeholders as no identifier', () => {
    expect(readIdentifier('  ')).toBeUndefined();
    expect(readIdentifier('E:')).toBeUndefined();
  });

  it('checks the IMEI Luhn digit and keys the three IMEI forms on the same 14 digits', () => {
    expect(luhnCheckDigit('49015420323751')).toBe(8);
    expect(checkImei('49-015420-323751-8')).toEqual({ key: '49015420323751', valid: true });
    expect(checkImei('490154203237517')).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/check digit 7/),
    });
    expect(checkImei('4901542032375101').key).toBe('49015420323751');
    expect(readIdentifier('490154203237517', 'imei')).toMatchObject({ kind: 'imei', status: 'invalid' });
  });

  it('checks an IMSI for its length and country code', () => {
    expect(checkImsi('234150999999999').valid).toBe(true);
    expect(checkImsi('123150999999999')).toMatchObject({ valid: false });
    expect(checkImsi('2341')).toMatchObject({ valid: false });
  });

  it('splits multi-value cells on CR, LF and _x000D_ and drops their labels', () => {
    expect(splitMulti('Mobile: (919) 579-0479\rTextNow: (919) 391-2507').map((v) => v.value)).toEqual([
      '(919) 579-0479',
      '(919) 391-2507',
    ]);
    expect(splitMulti('Phone-Mobile: +447911123456_x000D_Email-Home: a@b.com')).toEqual([
      { label: 'Phone-Mobile', value: '+447911123456' },
      { label: 'Email-Home', value: 'a@b.com' },
    ]);
    expect(splitMulti(' : joshuahickman957@gmail.com')[0]?.value).toBe('joshuahickman957@gmail.com');
  });
});
