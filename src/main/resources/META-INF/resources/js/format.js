// Small helpers shared by the dashboard's modules: absent values, times and element building.

/** What the page shows for a value the API left out (null, missing, or a field an older controller lacks). */
export const ABSENT = '–';

export function text(value) {
  return value === null || value === undefined || value === '' ? ABSENT : String(value);
}

// Made once: toLocaleString() builds a formatter per call, which costs seconds over a thousand rows.
const timeOfDay = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const dateAndTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A timestamp as local time: the time alone when it is today, else date and time. */
export function time(iso) {
  if (!iso) return ABSENT;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return String(iso);
  return at.toDateString() === new Date().toDateString() ? timeOfDay.format(at) : dateAndTime.format(at);
}

/** A <time> element for a timestamp, with the exact instant in its tooltip. */
export function timeElement(iso) {
  const el = document.createElement('time');
  setTime(el, iso);
  return el;
}

export function setTime(el, iso) {
  el.textContent = time(iso);
  if (iso) {
    el.dateTime = iso;
    el.title = iso;
  } else {
    el.removeAttribute('datetime');
    el.removeAttribute('title');
  }
}

/** Creates an element with a class and text. */
export function element(tag, className, content) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (content !== undefined) el.textContent = content;
  return el;
}

/** The phase as colour plus word: a badge whose class gives the colour and whose text is the phase. */
export function phaseBadge(phase) {
  return element('span', 'phase phase-' + (phase || 'unknown'), text(phase));
}
