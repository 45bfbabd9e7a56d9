// ajv-formats-draft2019 ships no types; this is the one function lockwarden calls.
declare module 'ajv-formats-draft2019' {
  import type { Ajv } from 'ajv';
  export default function addFormats2019(ajv: Ajv, options?: { formats?: string[] }): Ajv;
}
