/** The reference scanners' building blocks, for callers that judge one file or talk to the Hub directly. */
export { scanPickle, type PickleScan } from './model-files/pickle-scanner.js';
export { judgeImport } from './model-files/pickle-imports.js';
export { scanModelFile } from './model-files/model-file.js';
export { safetensorsMetadata, ggufMetadata, npyHeader } from './model-files/model-headers.js';
export { hubPackage, isHubId } from './huggingface/hub-reference.js';
export { pythonStringValue } from './huggingface/python-source.js';
export { parseImageReference, imagePurl, imagePackage, type ImageReference } from './docker/image-reference.js';
export { dockerfileInstructions, expandArgs } from './docker/dockerfile.js';
export { usesPackage } from './github-actions/action-reference.js';
export { compareActionRefs } from './github-actions/index.js';
export { isCommitSha } from './reference-package.js';
