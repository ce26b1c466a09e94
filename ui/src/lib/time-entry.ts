// Times of day as the manager types them. The window writes times the way the
// computer's locale does ("2:00 PM" or "14:00"); a time typed back may come
// either way, and in the short forms people use ("2pm", "9.30", "1430").
// Stored and sent times stay "HH:MM" on the 24-hour clock.

import { dateTimeFormat } from './time';

// The locale's own words for morning and afternoon ("AM"/"PM", "a.m."/"p.m.",
// "vorm."/"nachm."), read once from its formatter, besides the English ones.
const dayPeriods = new Map<string, { am: string[]; pm: string[] }>();

function periodsOf(locale: string | undefined): { am: string[]; pm: string[] } {
  const key = locale ?? '';
  let found = dayPeriods.get(key);
  if (!found) {
    const format = dateTimeFormat(locale, { timeZone: 'UTC', hour: 'numeric', hour12: true });
    const period = (hour: number): string =>
      format
        .formatToParts(new Date(Date.UTC(1970, 0, 1, hour)))
        .find((part) => part.type === 'dayPeriod')
        ?.value.toLowerCase() ?? '';
    found = {
      am: [...new Set(['am', 'a', 'a.m.', period(1)])].filter(Boolean).map(squeeze),
      pm: [...new Set(['pm', 'p', 'p.m.', period(13)])].filter(Boolean).map(squeeze),
    };
    dayPeriods.set(key, found);
  }
  return found;
}

// Spaces, including the narrow no-break space some locales put before "PM".
function squeeze(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, '');
}

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * "14:30" from "2:30 PM", "2.30pm", "14:30", "14:30:00", "1430" or "2 pm"; null when the
 * text is not a time of day. Without a morning or afternoon word the hour is
 * read on the 24-hour clock.
 */
export function parseTimeOfDay(text: string, locale?: string): string | null {
  const typed = squeeze(text.toLowerCase());
  // Seconds, as a calendar or a clock copied from elsewhere writes them, are
  // read and dropped: a 1:1 starts on a minute.
  const match = /^(\d{1,2})(?:[:.h]?(\d{2})(?:[:.](\d{2}))?)?(\D*)$/u.exec(typed);
  if (!match) return null;
  const [, hourText = '', minuteText = '00', secondText = '00', rest = ''] = match;
  let hour = Number(hourText);
  const minute = Number(minuteText);
  if (minute > 59 || Number(secondText) > 59) return null;
  if (rest === '') {
    if (hour > 23) return null;
  } else {
    const { am, pm } = periodsOf(locale);
    const afternoon = pm.includes(rest);
    if (!afternoon && !am.includes(rest)) return null;
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (afternoon ? 12 : 0);
  }
  return `${two(hour)}:${two(minute)}`;
}

/** The time `steps` quarter hours after `time` ("HH:MM"), round the clock:
 * a time between quarters moves to the next one in that direction. */
export function stepTimeOfDay(time: string, steps: number): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const now = hours * 60 + minutes;
  const quarter = 15;
  const snapped =
    steps > 0 ? Math.floor(now / quarter) * quarter : Math.ceil(now / quarter) * quarter;
  const day = 24 * 60;
  const next = (((snapped + steps * quarter) % day) + day) % day;
  return `${two(Math.floor(next / 60))}:${two(next % 60)}`;
}
