// Writes the GitLab CI template in its two layouts (gitlab/lockwarden.yml for `include: remote:`,
// templates/lockwarden.yml for a CI/CD component project) from the one renderer in the CLI
// (packages/cli/src/gitlab/template.ts), so the job, its inputs and its report paths have one source of truth.
// Needs a build (`npm run gitlab:template` builds first); __tests__/gitlab/template.test.ts fails when the
// committed files differ from the renderer's output.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEMPLATE_FILES, renderGitLabTemplate } from '../packages/cli/dist/gitlab/template.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const [kind, file] of Object.entries(TEMPLATE_FILES)) {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderGitLabTemplate(kind));
  console.log(`wrote ${file}`);
}
