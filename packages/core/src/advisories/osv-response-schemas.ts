import type { JsonSchema } from '../http/response-shape.js';

// OSV API answers, limited to the fields lockwarden reads (https://google.github.io/osv.dev/api/ and the OSV
// schema). A body that does not fit is the API failing, never "no advisories".

/** `POST /v1/querybatch`: one result per query, each with optional `vulns` (id + modified) and a page token. */
export const OsvBatchResponseSchema: JsonSchema = {
  type: 'object',
  required: ['results'],
  properties: {
    results: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          vulns: {
            type: 'array',
            items: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, modified: { type: 'string' } } },
          },
          next_page_token: { type: 'string' },
        },
      },
    },
  },
};

/** `GET /v1/vulns/{id}`: an OSV record; `id` and `modified` are required by the OSV schema. */
export const OsvRecordSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'modified'],
  properties: {
    id: { type: 'string' },
    modified: { type: 'string' },
    withdrawn: { type: 'string' },
    aliases: { type: 'array', items: { type: 'string' } },
    affected: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          package: { type: 'object', properties: { ecosystem: { type: 'string' }, name: { type: 'string' }, purl: { type: 'string' } } },
          ranges: { type: 'array', items: { type: 'object', required: ['type'], properties: { type: { type: 'string' }, events: { type: 'array', items: { type: 'object' } } } } },
          versions: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    severity: { type: 'array', items: { type: 'object' } },
  },
};
