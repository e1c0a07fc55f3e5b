// Times are shown in Asia/Tokyo whatever the browser's zone: the SOC, its engineers and the SMEs are in Japan.
import { lang } from './i18n';

const ZONE = 'Asia/Tokyo';

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang() === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).format(new Date(iso));
}

export function shortTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang() === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: ZONE, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).format(new Date(iso));
}

/** "12:03" left or "-4:10" over, from now to the instant. */
export function countdown(iso: string, now: number = Date.now()): string {
  const ms = new Date(iso).getTime() - now;
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const text = (h > 0 ? `${h}:${String(m).padStart(2, '0')}` : `${m}`) + `:${String(s).padStart(2, '0')}`;
  return ms < 0 ? `-${text}` : text;
}

/** A length of minutes in words: "2時間10分" / "2 h 10 min". */
export function minutes(value: number): string {
  const h = Math.floor(value / 60);
  const m = Math.round(value % 60);
  if (lang() === 'ja') return (h > 0 ? `${h}時間` : '') + (m > 0 || h === 0 ? `${m}分` : '');
  return [h > 0 ? `${h} h` : '', m > 0 || h === 0 ? `${m} min` : ''].filter(Boolean).join(' ');
}

export function seconds(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value < 60) return `${Math.round(value)}s`;
  if (value < 3600) return `${Math.round(value / 60)}m`;
  return `${(value / 3600).toFixed(1)}h`;
}

/** An instant as the value of an <input type="datetime-local">, in Asia/Tokyo ("2026-12-24T18:00"). */
export function tokyoInput(iso: string | null | undefined): string {
  if (!iso) return '';
  // Sweden's format is ISO-like: "2026-12-24 18:00"
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).format(new Date(iso)).replace(' ', 'T');
}

/** What a person typed in a datetime-local field, read as Asia/Tokyo time, with its offset for the API. */
export function fromTokyoInput(value: string): string {
  return value ? `${value}:00+09:00` : '';
}
