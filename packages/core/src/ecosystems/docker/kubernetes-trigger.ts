/**
 * The quick test a YAML file must pass to be read as a Kubernetes manifest: top-level `apiVersion` and `kind`,
 * an `image`, and no Helm template braces. Apart from the scanner so discovery can run it before importing yaml.
 */
export function mayBeKubernetesManifest(text: string): boolean {
  return /^apiVersion:/m.test(text) && /^kind:/m.test(text) && /\bimage:/.test(text) && !text.includes('{{');
}
