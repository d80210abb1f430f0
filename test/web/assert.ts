// A small subset of node:assert for the browser extension host, which has no Node built-ins.
function fail(message: string): never { throw new Error(message); }
const show = (v: unknown) => { try { return JSON.stringify(v); } catch { return String(v); } };

export function ok(value: unknown, message?: string): asserts value {
  if (!value) { fail(message ?? `expected a truthy value, got ${show(value)}`); }
}
export function strictEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) { fail(message ?? `expected ${show(expected)}, got ${show(actual)}`); }
}
export function notStrictEqual(actual: unknown, expected: unknown, message?: string): void {
  if (Object.is(actual, expected)) { fail(message ?? `expected something other than ${show(expected)}`); }
}
export function deepStrictEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (show(actual) !== show(expected)) { fail(message ?? `expected ${show(expected)}, got ${show(actual)}`); }
}
export function match(actual: string, re: RegExp, message?: string): void {
  if (!re.test(actual)) { fail(message ?? `expected ${show(actual)} to match ${re}`); }
}
export { fail };
