// Writes every generated file of the core into packages/core/generated/ (run by `npm run build` before tsc).
import { mkdirSync } from 'node:fs';
import { GENERATED } from './generate/paths.mjs';
import { generate as policyPacks } from './generate/policy-packs.mjs';
import { generate as policyValidator } from './generate/policy-validator.mjs';

mkdirSync(GENERATED, { recursive: true });
policyPacks();
policyValidator();
