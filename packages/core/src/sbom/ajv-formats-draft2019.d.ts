// ajv-formats-draft2019 ships no types; this is the one format lockwarden uses. Only that format's file is imported:
// the package's index also loads its idn-hostname format, which requires Node's deprecated `punycode` module
// (a DEP0040 warning on every run from Node 21 on).
declare module 'ajv-formats-draft2019/formats/idn-email.js' {
  export default function isIdnEmail(value: string): boolean;
}
