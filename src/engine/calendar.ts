// Integer-day calendar: dates are days since 1970-01-01 (proleptic Gregorian), with no clock
// and no Date object. The conversions are the well-known civil-from-days arithmetic.
import type { Calendar } from './types.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function div(a: number, b: number): number {
  return Math.floor(a / b);
}

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = div(yy, 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = div(153 * mp + 2, 5) + d - 1;
  const doe = yoe * 365 + div(yoe, 4) - div(yoe, 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = div(zz, 146097);
  const doe = zz - era * 146097;
  const yoe = div(doe - div(doe, 1460) + div(doe, 36524) - div(doe, 146096), 365);
  const doy = doe - (365 * yoe + div(yoe, 4) - div(yoe, 100));
  const mp = div(5 * doy + 2, 153);
  const d = doy - div(153 * mp + 2, 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Parses YYYY-MM-DD into a day number; null when it is not a real date. */
export function parseIsoDate(text: string): number | null {
  const match = ISO.exec(text);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  const day = daysFromCivil(y, m, d);
  const back = civilFromDays(day);
  return back.y === y && back.m === m && back.d === d ? day : null;
}

export function formatIsoDate(day: number): string {
  const { y, m, d } = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Feb 2020" */
export function formatLongDate(day: number): string {
  const { y, m, d } = civilFromDays(day);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** First day of a turn (turns count from 1). */
export function dayOfTurn(calendar: Calendar, turn: number): number {
  return calendar.startDay + (turn - 1) * calendar.daysPerTurn;
}

export function dateOfTurn(calendar: Calendar, turn: number): string {
  return formatIsoDate(dayOfTurn(calendar, turn));
}

/** The turn whose days include `day`; may fall outside 1..turns. */
export function turnOfDay(calendar: Calendar, day: number): number {
  return div(day - calendar.startDay, calendar.daysPerTurn) + 1;
}
