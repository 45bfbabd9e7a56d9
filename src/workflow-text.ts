import { plainText } from '@lockwarden/core';

/**
 * Every line the Action logs is made safe: URLs in messages may carry credentials, and a line of untrusted text
 * that starts with `::` would be read by the runner as a workflow command (`::add-mask::`, `::error::`).
 */
export function workflowSafe(message: string): string {
  return message
    .split(/\r?\n/)
    .map((line) => plainText(line, 4000).replace(/^(\s*):(?=:)/, '$1:\u200b'))
    .join('\n');
}
