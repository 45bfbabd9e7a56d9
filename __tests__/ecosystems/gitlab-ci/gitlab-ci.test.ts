import { describe, expect, it } from 'vitest';
import { loadLockfileParser } from '@lockwarden/core';

const SHA = '0123456789abcdef0123456789abcdef01234567';

describe('.gitlab-ci.yml', () => {
  it('reads project, component and remote includes and the images of the default section and jobs', async () => {
    const text = `include:
  - project: acme/ci-templates
    ref: v1.2.0
    file: /build.yml
  - project: acme/pinned-templates
    ref: ${SHA}
    file: /x.yml
  - component: gitlab.example.org/acme/components/sast@1.0
  - remote: https://example.org/ci.yml
  - local: /ci/local.yml
default:
  image: python:3.12
build:
  image:
    name: ghcr.io/acme/builder:1
  services:
    - postgres:16
    - name: redis@sha256:${'e'.repeat(64)}
  script: [make]
deploy:
  image: $DEPLOY_IMAGE
`;
    const inv = (await loadLockfileParser('.gitlab-ci.yml')).parse(text, '.gitlab-ci.yml');
    const got = inv.packages.map((p) => [p.ecosystem, p.name, p.version, p.location.line, p.reference?.pinned]).sort((a, b) => Number(a[3]) - Number(b[3]));
    expect(got).toEqual([
      ['GitLab CI', 'acme/ci-templates', 'v1.2.0', 2, false],
      ['GitLab CI', 'acme/pinned-templates', SHA, 5, true],
      ['GitLab CI', 'acme/components/sast', '1.0', 8, false],
      ['GitLab CI', 'https://example.org/ci.yml', '', 9, false],
      ['Docker', 'python', '3.12', 12, false],
      ['Docker', 'ghcr.io/acme/builder', '1', 15, false],
      ['Docker', 'postgres', '16', 17, false],
      ['Docker', 'redis', `sha256:${'e'.repeat(64)}`, 18, true],
    ]);
    expect(inv.packages.find((p) => p.name === 'acme/pinned-templates')?.purl).toBe(`pkg:gitlab/acme/pinned-templates@${SHA}`);
    expect(inv.packages.find((p) => p.name === 'acme/components/sast')?.purl).toBe('pkg:gitlab/acme/components@1.0#sast');
  });
});
