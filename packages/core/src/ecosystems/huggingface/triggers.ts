/**
 * Quick tests a file must pass for a Hugging Face scanner to find anything in it. They sit apart from the scanners
 * so that discovery can run them before it imports a scanner and its parser (Lezer, meriyah, yaml): a project's
 * package.json or a folder of JavaScript costs no parser load when no Hub loader is named in it.
 */

/** Configuration keys whose value is a Hub repository id (transformers' and trainers' conventions). */
export const MODEL_KEYS = ['model_name_or_path', 'pretrained_model_name_or_path', 'base_model', 'tokenizer_name', 'model_id', 'hub_model_id'];
export const DATASET_KEYS = ['dataset_name'];
export const CONFIG_KEYS = [...MODEL_KEYS, ...DATASET_KEYS];

const CONFIG_TRIGGER = new RegExp(`["']?(?:${CONFIG_KEYS.join('|')})["']?\\s*:`);
const PYTHON_TRIGGER = /from_pretrained|pipeline|hf_hub_download|snapshot_download|SentenceTransformer|CrossEncoder|load_dataset/;
const JS_TRIGGER = /(?:from_pretrained|pipeline)\s*\([^;]{0,400}?['"`][\w.-]+\/[\w.-]+['"`]/;

/** False when a YAML or JSON file names none of the configuration keys. */
export const mayBeHubConfig = (text: string): boolean => CONFIG_TRIGGER.test(text);
/** False when Python source calls no Hub loader. */
export const mayLoadFromHubInPython = (text: string): boolean => PYTHON_TRIGGER.test(text);
/** False when JavaScript calls no `pipeline(…, 'org/model')` or `from_pretrained('org/model')`. */
export const mayLoadFromHubInJs = (text: string): boolean => JS_TRIGGER.test(text);
