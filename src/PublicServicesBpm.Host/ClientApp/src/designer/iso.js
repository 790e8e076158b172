// ISO-8601 checks as the engine's IsoDuration and TimerReader do them, and the due-in editor's conversions.
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO-8601 duration such as P3D or PT4H; positive: not all zero. */
export function isDuration(text, positive = false) {
  if (!DURATION.test(text)) {
    return false;
  }
  return !positive || /[1-9]/.test(text);
}

export function isDateTime(text) {
  return DATE_TIME.test(text) && !Number.isNaN(Date.parse(text));
}

export function isCycle(text) {
  const parts = text.split('/');
  if (parts.length < 2 || parts.length > 3 || !/^R\d*$/.test(parts[0])) {
    return false;
  }
  return parts.length === 2
    ? isDuration(parts[1])
    : (isDateTime(parts[1]) && isDuration(parts[2])) || (isDuration(parts[1]) && isDateTime(parts[2]));
}

/** "PT4H" -> { amount: 4, unit: "hours" }; "P3D" -> days; "P2W" -> weeks; anything else -> null (edited as text). */
export function splitDueIn(text) {
  const match = /^P(?:(\d+)W|(\d+)D|T(\d+)H)$/.exec(text ?? '');
  if (!match) {
    return null;
  }
  if (match[1]) {
    return { amount: Number(match[1]), unit: 'weeks' };
  }
  if (match[2]) {
    return { amount: Number(match[2]), unit: 'days' };
  }
  return { amount: Number(match[3]), unit: 'hours' };
}

export function joinDueIn(amount, unit) {
  return unit === 'hours' ? `PT${amount}H` : unit === 'weeks' ? `P${amount}W` : `P${amount}D`;
}
