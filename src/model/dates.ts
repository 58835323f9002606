// Partial ISO dates, as graph/ writes them.

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD) that names a real day, month or year. */
export function isPartialDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const date = new Date(Date.UTC(Number(y), month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Property names that hold dates: `date`, `…Date`, `since`, `until`, `asOf`. */
export function isDateProp(key: string): boolean {
  return key === 'date' || key.endsWith('Date') || key === 'since' || key === 'until' || key === 'asOf';
}
