// A stable hash of the game state: SHA-256 over canonical JSON (object keys sorted, no
// whitespace). The same bytes in Node and in the browser, so the same hash everywhere.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

// Canonical JSON is JSON.stringify with every object's keys sorted. The engine's own keys are
// ids and field names (never integer-like), so the order is plain string order; were an
// integer-like key ever used, ECMAScript puts such keys first, in numeric order, in every engine,
// so the text stays the same everywhere. Values JSON cannot hold are refused, not dropped.
function sortKeys(this: unknown, key: string, value: unknown): unknown {
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value))
        throw new TypeError(`canonicalJson: "${key}" is ${value}, which JSON cannot hold`);
      return value;
    case 'object': {
      if (value === null || Array.isArray(value)) return value;
      const record = value as Record<string, unknown>;
      // No prototype, so that a key such as "__proto__" is kept as data.
      const sorted = Object.create(null) as Record<string, unknown>;
      for (const k of Object.keys(record).sort()) sorted[k] = record[k];
      return sorted;
    }
    case 'function':
    case 'symbol':
    case 'bigint':
      throw new TypeError(`canonicalJson: "${key}" is a ${typeof value}, which JSON cannot hold`);
    default:
      return value;
  }
}

export function canonicalJson(value: unknown): string {
  const text = JSON.stringify(value, sortKeys);
  if (text === undefined) throw new TypeError('canonicalJson: the value has no JSON form');
  return text;
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

export function hashValue(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
