import { generateIdentity } from '../../../electron/identity/identity';
import { CARD_MAX_BYTES, cardToText, makeCard, parseCard } from '../../../electron/bundle/office-card';
import { catchAppError } from './bundle-fixtures';

const NOW = new Date('2026-03-01T02:00:00.000Z');
const city = generateIdentity({ code: '445200', name: '揭阳市民政局', level: 'city' }, NOW);
const county = generateIdentity({ code: '445202', name: '榕城区民政局', level: 'county' }, NOW);

const cardJson = () => JSON.parse(cardToText(makeCard(city.public))) as Record<string, unknown>;
const text = (o: unknown) => JSON.stringify(o);

describe('makeCard', () => {
  it('carries the public half of the identity and nothing private', () => {
    const card = makeCard(city.public);
    expect(card).toEqual({
      format: 'guanai-office-card',
      version: 1,
      code: '445200',
      name: '揭阳市民政局',
      level: 'city',
      signingKey: city.public.signingKey,
      encryptionKey: city.public.encryptionKey,
      fingerprint: city.public.fingerprint,
      createdAt: '2026-03-01T02:00:00.000Z',
    });
    expect(cardToText(card)).not.toContain(city.private.signingKey);
    expect(cardToText(card)).not.toContain(city.private.encryptionKey);
  });

  it('refuses an identity whose fingerprint does not match its keys', () => {
    const err = catchAppError(() => makeCard({ ...city.public, fingerprint: county.public.fingerprint }));
    expect(err.code).toBe('IDENTITY_DAMAGED');
  });
});

describe('parseCard', () => {
  it('reads back what makeCard wrote', () => {
    const card = makeCard(city.public);
    expect(parseCard(cardToText(card))).toEqual(card);
  });

  it('accepts a byte-order mark left by Notepad', () => {
    expect(parseCard('\uFEFF' + cardToText(makeCard(county.public))).code).toBe('445202');
  });

  it('refuses text that is not JSON', () => {
    const err = catchAppError(() => parseCard('{"format": "guanai-office-card",'));
    expect(err.code).toBe('CARD_INVALID');
    expect(err.message).toContain('JSON');
  });

  it('refuses a file over 16 KiB before parsing it', () => {
    const big = { ...cardJson(), name: 'x'.repeat(CARD_MAX_BYTES) };
    const err = catchAppError(() => parseCard(text(big)));
    expect(err.code).toBe('CARD_INVALID');
    expect(err.message).toContain('16 KB');
  });

  it('refuses other files, including the private identity file and the office.json', () => {
    expect(catchAppError(() => parseCard(text(city.private))).code).toBe('CARD_INVALID');
    expect(catchAppError(() => parseCard(text(city.public))).code).toBe('CARD_INVALID');
    expect(catchAppError(() => parseCard('[]')).code).toBe('CARD_INVALID');
    expect(catchAppError(() => parseCard('null')).code).toBe('CARD_INVALID');
  });

  it('says a newer card version needs a newer program', () => {
    const err = catchAppError(() => parseCard(text({ ...cardJson(), version: 2 })));
    expect(err.code).toBe('CARD_INVALID');
    expect(err.message).toContain('升级');
  });

  it('refuses unknown fields, naming them', () => {
    const err = catchAppError(() => parseCard(text({ ...cardJson(), privateKey: 'x' })));
    expect(err.code).toBe('CARD_INVALID');
    expect(err.message).toContain('privateKey');
  });

  it.each([
    ['code', '44520', '单位代码'],
    ['code', ' 445200', '单位代码'],
    ['name', '', '单位名称'],
    ['name', ' 揭阳市民政局', '单位名称'],
    ['name', '揭阳\n民政局', '单位名称'],
    ['level', 'province', '级别'],
    ['createdAt', 'yesterday', '创建时间'],
    ['fingerprint', 'abcd', '指纹'],
    ['version', '1', '版本'],
  ])('refuses a bad %s (%j), naming the field', (field, value, label) => {
    const err = catchAppError(() => parseCard(text({ ...cardJson(), [field]: value })));
    expect(err.code).toBe('CARD_INVALID');
    expect(err.message).toContain(`「${label}」`);
  });

  it('refuses a missing field, naming it in Chinese', () => {
    const o = cardJson();
    delete o.encryptionKey;
    const err = catchAppError(() => parseCard(text(o)));
    expect(err.code).toBe('CARD_INVALID');
    expect(err.message).toContain('加密公钥');
  });

  it('refuses keys of the wrong type or in a non-canonical spelling', () => {
    const swapped = {
      ...cardJson(),
      signingKey: city.public.encryptionKey,
      encryptionKey: city.public.signingKey,
    };
    expect(catchAppError(() => parseCard(text(swapped))).code).toBe('CARD_INVALID');
    const spaced = { ...cardJson(), signingKey: city.public.signingKey + '\n' };
    expect(catchAppError(() => parseCard(text(spaced))).code).toBe('CARD_INVALID');
    const garbage = { ...cardJson(), signingKey: 'AAAA' };
    expect(catchAppError(() => parseCard(text(garbage))).code).toBe('CARD_INVALID');
  });

  it('recomputes the fingerprint and refuses a card whose keys were replaced', () => {
    const replaced = { ...cardJson(), encryptionKey: county.public.encryptionKey };
    const err = catchAppError(() => parseCard(text(replaced)));
    expect(err.code).toBe('CARD_FINGERPRINT_MISMATCH');
    expect(err.message).toContain(city.public.fingerprint);
  });

  it('refuses a card whose printed fingerprint was edited', () => {
    const edited = { ...cardJson(), fingerprint: county.public.fingerprint };
    expect(catchAppError(() => parseCard(text(edited))).code).toBe('CARD_FINGERPRINT_MISMATCH');
  });
});
