// Excel keeps a date as a serial number of days; the cell's number format is what makes it a date. Shared by the
// xlsx reader and the legacy (.xls/.et/.ods) reader so every format gives the same Date for the same cell.

/** Days between 1899-12-30 (serial 0 in the 1900 system, past Excel's fictitious 1900-02-29) and 1970-01-01. */
const EPOCH_1900 = 25569;
/** The 1904 system (old Mac workbooks): serial 0 is 1904-01-01. */
const EPOCH_1904 = 24107;

/**
 * The serial as a Date at UTC midnight (plus the time of day, if any), the way exceljs gave dates: the importer
 * reads a UTC-midnight Date as that calendar day, whatever the PC's time zone. Rounded to the second, since the
 * serial's binary fraction is never exact.
 */
export function excelSerialToDate(serial: number, date1904 = false): Date {
  // Serials below 61 fall before Excel's invented 1900-02-29: one day later than the formula gives.
  const days = date1904 ? serial + EPOCH_1904 - EPOCH_1900 : serial < 61 ? serial + 1 : serial;
  return new Date(Math.round((days - EPOCH_1900) * 86_400) * 1000);
}

// Built-in number formats that show a date or time. 27–36 and 50–58 are the East Asian date formats (年月日) that
// Chinese Excel and WPS use for their built-in date styles.
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isBuiltinDateFormat(id: number): boolean {
  return BUILTIN_DATE_FORMATS.has(id);
}

/** A custom format code that shows a date or time (yyyy-mm-dd, yyyy"年"m"月"d"日", m/d/yy h:mm …). */
export function isDateFormatCode(code: string): boolean {
  // Only the first section decides (positive numbers); quoted text, escapes and [colour]/[$-804] tags say nothing.
  const first = code.split(';')[0] ?? '';
  const bare = first
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?:[hms]+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '');
  if (/^general$/i.test(bare.trim())) return false;
  // 'e' is the era year (yyyy in Chinese locales); 0.00E+00 is a number.
  return /[ymdhse]/i.test(bare.replace(/e[+-]/gi, ''));
}
