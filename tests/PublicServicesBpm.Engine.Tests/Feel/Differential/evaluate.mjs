// Reads a JSON array of { expression, context } from stdin, evaluates each expression with
// @bpmn-io/feelin (the FEEL library form-js runs in the browser) and prints a JSON array of results
// in the tagged, normalized form the C# differential test compares with (see FeelDifferentialTests).
// The clock is frozen through luxon's Settings.now so now() and today() are deterministic; the time
// zone comes from the TZ environment variable set by the caller.
import { evaluate } from '@bpmn-io/feelin';
import { DateTime, Duration, Settings } from 'luxon';

const frozenNow = process.env.FEEL_NOW ? Date.parse(process.env.FEEL_NOW) : Date.now();
Settings.now = () => frozenNow;

const input = JSON.parse(await readStdin());
const results = input.map(({ expression, context }) => {
  try {
    // Variables arrive as plain JSON, exactly as workflow variables are stored.
    return normalize(evaluate(expression, context ?? {}).value);
  } catch (error) {
    return { error: String(error && error.message || error) };
  }
});
process.stdout.write(JSON.stringify(results));

function readStdin() {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', chunk => { text += chunk; });
    process.stdin.on('end', () => resolve(text));
    process.stdin.on('error', reject);
  });
}

function normalize(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return { number: String(value) };
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(normalize);
  if (DateTime.isDateTime(value)) return normalizeTemporal(value);
  if (Duration.isDuration(value)) return normalizeDuration(value);
  if (typeof value === 'function' || value.constructor?.name === 'FunctionWrapper') return { function: true };
  if (value.constructor?.name === 'Range') {
    return {
      range: {
        start: normalize(value.start),
        end: normalize(value.end),
        startIncluded: value['start included'],
        endIncluded: value['end included']
      }
    };
  }
  const entries = {};
  for (const [key, entry] of Object.entries(value)) entries[key] = normalize(entry);
  return { context: entries };
}

// feelin encodes every temporal value as a luxon DateTime: a time is a DateTime on 1900-01-01,
// a date is midnight UTC; a zone of type "system" means "no offset" (a local value).
function normalizeTemporal(value) {
  if (!value.isValid) return null;
  const zone = zoneSuffix(value);
  if (value.year === 1900 && value.month === 1 && value.day === 1) {
    return { time: clock(value) + zone };
  }
  if (value.hour === 0 && value.minute === 0 && value.second === 0 && value.millisecond === 0 && value.zone.type === 'fixed' && value.offset === 0) {
    return { date: value.toFormat('yyyy-MM-dd') };
  }
  return { dateTime: value.toFormat('yyyy-MM-dd') + 'T' + clock(value) + zone };
}

function clock(value) {
  const text = value.toFormat('HH:mm:ss');
  return value.millisecond ? text + '.' + String(value.millisecond).padStart(3, '0') : text;
}

function zoneSuffix(value) {
  if (value.zone.type === 'system') return '';
  if (value.zone.type === 'iana') return '@' + value.zone.name;
  if (value.offset === 0) return 'Z';
  const sign = value.offset < 0 ? '-' : '+';
  const minutes = Math.abs(value.offset);
  return sign + String(Math.floor(minutes / 60)).padStart(2, '0') + ':' + String(minutes % 60).padStart(2, '0');
}

// FEEL has two duration types; luxon has one. A duration holding only years and months is a
// years-and-months duration; one with neither is a days-and-time duration, normalized from its length.
function normalizeDuration(value) {
  if (!value.isValid) return null;
  const units = value.toObject();
  const hasYearMonth = ('years' in units && units.years !== 0) || ('months' in units && units.months !== 0);
  const hasDayTime = ['weeks', 'days', 'hours', 'minutes', 'seconds', 'milliseconds'].some(unit => unit in units && units[unit] !== 0);
  const onlyYearMonthKeys = Object.keys(units).every(unit => unit === 'years' || unit === 'months');
  if (hasYearMonth && hasDayTime) return { duration: value.toISO() };
  if (hasYearMonth || (onlyYearMonthKeys && Object.keys(units).length > 0)) {
    return { ymDuration: yearMonth((units.years ?? 0) * 12 + (units.months ?? 0)) };
  }
  return { dtDuration: dayTime(value.toMillis()) };
}

function yearMonth(totalMonths) {
  if (totalMonths === 0) return 'P0M';
  const sign = totalMonths < 0 ? '-' : '';
  const months = Math.abs(totalMonths);
  const years = Math.floor(months / 12);
  return sign + 'P' + (years ? years + 'Y' : '') + (months % 12 ? (months % 12) + 'M' : '');
}

function dayTime(totalMillis) {
  if (totalMillis === 0) return 'PT0S';
  const sign = totalMillis < 0 ? '-' : '';
  let rest = Math.abs(totalMillis);
  const days = Math.floor(rest / 86400000); rest -= days * 86400000;
  const hours = Math.floor(rest / 3600000); rest -= hours * 3600000;
  const minutes = Math.floor(rest / 60000); rest -= minutes * 60000;
  const seconds = rest / 1000;
  let text = sign + 'P' + (days ? days + 'D' : '');
  if (hours || minutes || seconds) {
    text += 'T' + (hours ? hours + 'H' : '') + (minutes ? minutes + 'M' : '') + (seconds ? seconds + 'S' : '');
  }
  return text;
}
