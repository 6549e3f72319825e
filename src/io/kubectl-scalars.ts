/**
 * What kubectl reads an unquoted (plain) YAML scalar as. `kubectl apply` decodes YAML with
 * sigs.k8s.io/yaml: go-yaml v2 resolves each plain scalar by YAML 1.1 rules, and the result is
 * converted to JSON for the API server. So `0120` is 80 (octal), `0o120`, `0x50` and `0b1010000`
 * are 80, `8_080` is 8080, and `y`, `yes`, `on`, `n`, `no`, `off` are booleans, where YAML 1.2 (the
 * `yaml` package's default) reads 120, strings and strings. Both readers of this tool (the `yaml`
 * package and the fast reader) resolve plain scalars here, so the analyzer reads the value the
 * cluster applies. Quoted scalars are strings in every version.
 *
 * The rules, from go-yaml v2's `resolve` (by the first character of the scalar):
 * - the exact words below are null or booleans;
 * - a scalar starting with a digit or a sign is, once every `_` is removed, an integer in Go's
 *   syntax (`0b`, `0o`, `0x` prefixes, a leading `0` for octal), else a float of the form
 *   `[-+]?(.5|5|5.|5.5)(e5)?`, else a string; timestamps (`2001-12-14`) and sexagesimal numbers
 *   (`1:30`), which YAML 1.1 defines, are strings;
 * - a scalar starting with `.` is a float in Go's syntax (`.5`, `.5e3`), else a string;
 * - a number too large for a float (`1e400`) is a string;
 * - anything else is a string.
 *
 * `.inf` and `.nan` resolve to numbers JSON cannot hold, so kubectl fails on them: they are
 * refused, as is `.5_5` (a float with `_` that only Go's own float syntax decides on).
 */

/** A plain scalar's value as kubectl reads it. */
export type PlainValue = null | boolean | number | string;

/** A plain scalar kubectl cannot apply, or that this tool cannot be sure to read as kubectl does. */
export class UnreadableScalar extends Error {}

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSES = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NOT_IN_JSON = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Go's integer syntax (strconv.ParseInt with base 0, and big.Int past 64 bits), without `_`. */
const GO_INTEGER = /^([-+]?)(?:0[bB]([01]+)|0[oO]([0-7]+)|0[xX]([0-9a-fA-F]+)|0([0-7]*)|([1-9][0-9]*))$/;
/** go-yaml's float syntax for a scalar starting with a digit or a sign, without `_`. */
const YAML_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** Go's float syntax (strconv.ParseFloat) for a scalar starting with `.`. */
const GO_DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;
const GO_DOT_FLOAT_UNDERSCORED = /^\.[0-9_]+(?:[eE][-+]?[0-9_]+)?$/;

/** The value kubectl gives a plain scalar (its text as written, one line); throws UnreadableScalar. */
export function resolvePlainScalar(text: string): PlainValue {
  if (NULLS.has(text)) return null;
  if (TRUES.has(text)) return true;
  if (FALSES.has(text)) return false;
  const first = text.charCodeAt(0);
  const isDigit = first >= 48 && first <= 57;
  if (!isDigit && first !== 43 /* + */ && first !== 45 /* - */ && first !== 46 /* . */) return text;
  if (NOT_IN_JSON.test(text)) {
    throw new UnreadableScalar(`${text} is a YAML 1.1 float that JSON cannot hold, so kubectl cannot apply it; quote it if a string is meant`);
  }
  if (first === 46) return dotFloat(text);
  const plain = text.includes('_') ? text.replace(/_/g, '') : text;
  const integer = GO_INTEGER.exec(plain);
  if (integer) return goInteger(integer);
  if (YAML_FLOAT.test(plain)) return finiteOr(Number(plain), text);
  return text;
}

/** Whether a plain scalar is written as an integer (`80`, `0x50`, `8_080`), as opposed to a float (`80.0`). */
export function isIntegerForm(text: string): boolean {
  return GO_INTEGER.test(text.replace(/_/g, ''));
}

function dotFloat(text: string): PlainValue {
  if (GO_DOT_FLOAT.test(text)) return finiteOr(Number(text), text);
  if (GO_DOT_FLOAT_UNDERSCORED.test(text)) {
    throw new UnreadableScalar(`${text} may be a float or a string depending on where its '_' stand; write it without '_', or quote it`);
  }
  return text;
}

function goInteger([, sign, binary, octal, hex, leadingZero, decimal]: RegExpExecArray): number {
  const magnitude = binary !== undefined ? BigInt(`0b${binary}`)
    : octal !== undefined ? BigInt(`0o${octal}`)
      : hex !== undefined ? BigInt(`0x${hex}`)
        : leadingZero !== undefined ? BigInt(leadingZero === '' ? 0 : `0o${leadingZero}`)
          : BigInt(decimal);
  // Go has no negative zero: `-0` is 0.
  const value = Number(magnitude);
  if (!Number.isFinite(value)) throw new UnreadableScalar(`${sign}${magnitude.toString().slice(0, 20)}... is an integer too large to read`);
  return sign === '-' && value !== 0 ? -value : value;
}

/** Go fails to parse a float out of range, and the scalar stays a string. */
function finiteOr(value: number, text: string): PlainValue {
  return Number.isFinite(value) ? value : text;
}
