/** What the Hugging Face Hub says about a model or dataset repository (at the revision asked for, or main). */
export interface HubRepoFacts {
  kind: 'model' | 'dataset';
  /** The commit the answer describes. */
  sha?: string;
  /** `false`, or how access is granted (`auto`, `manual`). */
  gated: false | string;
  private?: boolean;
  /** The repository's files (`siblings[].rfilename`), sorted. */
  files: string[];
  /** Weights only in pickle-based formats (.bin/.pt/.pth/.pkl/.ckpt), none in safetensors/GGUF/ONNX. */
  pickleOnly: boolean;
  lastModified?: string;
  pipelineTag?: string;
  libraryName?: string;
  /** `cardData` fields used for the SBOM's model card. */
  card?: { license?: string; datasets?: string[]; baseModel?: string[]; language?: string[]; tags?: string[] };
}
