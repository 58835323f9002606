// Dates in the data are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; ranges compare them as whole periods.
import type { Props } from '../../model/types.js';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** First day of the period a partial date names. */
export function periodStart(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** Last day (or a bound past it, for months) of the period a partial date names. */
export function periodEnd(d: string): string {
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}

function asDate(v: unknown): string | undefined {
  const s = typeof v === 'number' ? String(v) : v;
  return typeof s === 'string' && DATE.test(s) ? s : undefined;
}

/** The period a node is dated with: startDate..endDate, date, or year; undefined for undated nodes. */
export function nodePeriod(props: Props): { start: string; end: string } | undefined {
  const start = asDate(props.startDate) ?? asDate(props.date) ?? asDate(props.year);
  if (!start) return undefined;
  const end = asDate(props.endDate) ?? start;
  return { start: periodStart(start), end: periodEnd(end) };
}

/** Whether a period overlaps the inclusive range; an open end of the range is unbounded. */
export function overlaps(
  period: { start: string; end: string },
  from: string | null,
  to: string | null,
): boolean {
  if (from && period.end < periodStart(from)) return false;
  if (to && period.start > periodEnd(to)) return false;
  return true;
}
