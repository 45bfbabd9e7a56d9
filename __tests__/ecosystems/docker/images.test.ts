import { describe, expect, it } from 'vitest';
import { expandArgs, loadLockfileParser, imagePurl, parseImageReference, type Inventory } from '@lockwarden/core';

const DIGEST = `sha256:${'d'.repeat(64)}`;
const rows = (inv: Inventory) =>
  inv.packages.map((p) => [p.name, p.version, p.location.line, p.reference?.pinned, p.reference?.via]);

describe('Dockerfile', () => {
  it('resolves global ARGs, skips stage names and scratch, reads COPY --from images, joins continuations', async () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      'ARG NODE_VERSION=20',
      'ARG REGISTRY',
      `FROM --platform=$BUILDPLATFORM node:\${NODE_VERSION}-alpine AS build`,
      'RUN npm ci \\',
      '  && npm run build',
      'FROM build AS test',
      `FROM \${REGISTRY:-ghcr.io}/acme/runtime@${DIGEST}`,
      'COPY --from=build /app /app',
      'COPY --from=busybox:1.36 /bin/sh /bin/sh',
      'FROM scratch',
      '',
    ].join('\n');
    expect(rows((await loadLockfileParser('Dockerfile')).parse(text, 'Dockerfile'))).toEqual([
      ['node', '20-alpine', 4, false, 'FROM'],
      ['ghcr.io/acme/runtime', DIGEST, 8, true, 'FROM'],
      ['busybox', '1.36', 10, false, 'COPY --from'],
    ]);
  });

  it('expands ${VAR}, $VAR, ${VAR:-default} and ${VAR-default}', () => {
    const args = new Map([['A', 'x'], ['E', '']]);
    expect(expandArgs('$A/${A}/${B:-d}/${E:-d}/${E-d}/${B-d}', args)).toBe('x/x/d/d//d');
  });
});

describe('image references', () => {
  it('splits registry, repository, tag and digest as the Docker CLI does', () => {
    expect(parseImageReference('node')).toEqual({ registry: 'docker.io', repository: 'library/node' });
    expect(parseImageReference('localhost:5000/x/y:1')).toEqual({ registry: 'localhost:5000', repository: 'x/y', tag: '1' });
    expect(parseImageReference(`nginx:1.27@${DIGEST}`)).toEqual({ registry: 'docker.io', repository: 'library/nginx', tag: '1.27', digest: DIGEST });
    expect(parseImageReference('scratch')).toBeUndefined();
  });

  it('writes pkg:docker purls: digest preferred, repository_url for other registries', () => {
    expect(imagePurl(parseImageReference('node:20')!)).toBe('pkg:docker/library/node@20');
    expect(imagePurl(parseImageReference(`ghcr.io/acme/app:1@${DIGEST}`)!)).toBe(`pkg:docker/acme/app@${DIGEST}?repository_url=ghcr.io&tag=1`);
  });
});

describe('Compose and Kubernetes', () => {
  it('reads services.*.image of a Compose file', async () => {
    const text = 'services:\n  web:\n    image: nginx:1.27\n  db:\n    build: .\n';
    expect(rows((await loadLockfileParser('compose.yaml')).parse(text, 'compose.yaml'))).toEqual([['nginx', '1.27', 3, false, 'image']]);
  });

  it('reads container images of every document of a manifest, and skips Helm templates', async () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'spec:',
      '  initContainers:',
      `    - image: busybox@${DIGEST}`,
      '  containers:',
      '    - name: app',
      '      image: ghcr.io/acme/app:2',
      '---',
      'apiVersion: batch/v1',
      'kind: CronJob',
      'spec:',
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        spec:',
      '          containers:',
      '            - image: alpine:3',
      '',
    ].join('\n');
    const parser = await loadLockfileParser('kubernetes.yaml');
    expect(rows(parser.parse(text, 'k8s/pod.yaml')).map((r) => [r[0], r[2]]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      ['busybox', 5],
      ['ghcr.io/acme/app', 8],
      ['alpine', 18],
    ]);
    expect(parser.parse('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - image: {{ .Values.image }}\n', 't.yaml').packages).toEqual([]);
  });
});
