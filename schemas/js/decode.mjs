#!/usr/bin/env node
// Decodes one Smart Router Kafka record value (the raw bytes, from a file or stdin) and prints it as JSON.
//
// A value is an EventEnvelope in Avro single-object encoding: bytes C3 01, the writer schema's CRC-64-AVRO
// fingerprint (8 bytes, little-endian) of its Parsing Canonical Form, then the Avro binary body. The envelope's
// `payload` holds the domain event, encoded the same way. Writer schemas are looked up among the published .avsc files.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import avro from 'avsc';

const here = dirname(fileURLToPath(import.meta.url));
const publishedDir = join(here, '..', 'src', 'main', 'resources', 'io', 'smartrouter', 'schemas', 'published');

// CRC-64-AVRO (Rabin), as the Avro specification defines it.
const EMPTY = 0xc15d213aa4d7a795n;
const TABLE = Array.from({ length: 256 }, (_, i) => {
  let fp = BigInt(i);
  for (let j = 0; j < 8; j++) fp = (fp >> 1n) ^ (EMPTY & -(fp & 1n));
  return fp;
});
export function fingerprint64(text) {
  let fp = EMPTY;
  for (const byte of Buffer.from(text, 'utf8')) fp = (fp >> 8n) ^ TABLE[Number((fp ^ BigInt(byte)) & 0xffn)];
  return fp;
}

// Every published schema, by fingerprint of its Parsing Canonical Form (avsc's getSchema() without attributes).
export function loadPublished(dir = publishedDir) {
  const byFingerprint = new Map();
  for (const record of readdirSync(dir)) {
    const recordDir = join(dir, record);
    if (!statSync(recordDir).isDirectory()) continue;
    for (const file of readdirSync(recordDir).filter((f) => f.endsWith('.avsc'))) {
      const json = JSON.parse(readFileSync(join(recordDir, file), 'utf8'));
      const type = avro.Type.forSchema(json);
      const canonical = type.getSchema();
      const text = typeof canonical === "string" ? canonical : JSON.stringify(canonical);
      byFingerprint.set(fingerprint64(text), { type, json });
    }
  }
  return byFingerprint;
}

function decodeSingleObject(bytes, published) {
  if (bytes.length < 10 || bytes[0] !== 0xc3 || bytes[1] !== 0x01) {
    throw new Error('not Avro single-object encoding (missing the C3 01 marker)');
  }
  const fingerprint = bytes.readBigUInt64LE(2);
  const schema = published.get(fingerprint);
  if (!schema) throw new Error(`unknown writer schema fingerprint ${fingerprint.toString(16)}`);
  return toJson(schema.type.fromBuffer(bytes.subarray(10)), schema.json);
}

// timestamp-millis fields become ISO-8601 strings; other bytes fields become base64.
function toJson(value, schema) {
  const out = {};
  for (const field of schema.fields) {
    const v = value[field.name];
    const logical = typeof field.type === 'object' ? field.type.logicalType : undefined;
    if (logical === 'timestamp-millis' && typeof v === 'number') out[field.name] = new Date(v).toISOString();
    else if (Buffer.isBuffer(v)) out[field.name] = v.toString('base64');
    else out[field.name] = v;
  }
  return out;
}

export function decodeRecordValue(bytes, published = loadPublished()) {
  const envelope = decodeSingleObject(bytes, published);
  envelope.payload = decodeSingleObject(Buffer.from(envelope.payload, 'base64'), published);
  return envelope;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const input = process.argv[2] ? readFileSync(process.argv[2]) : readFileSync(0);
    process.stdout.write(JSON.stringify(decodeRecordValue(input), null, 2) + '\n');
  } catch (error) {
    process.stderr.write(`decode.mjs: ${error.message}\n`);
    process.exit(1);
  }
}
