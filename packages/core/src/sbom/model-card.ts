import type { Inventory } from '../model/inventory.js';
import type { HubRepoFacts } from '../model/hub-repo-facts.js';

/** A CycloneDX 1.6 `modelCard` (the subset the Hub's metadata fills). */
export interface ModelCard {
  modelParameters?: {
    task?: string;
    architectureFamily?: string;
    datasets?: Array<{ ref: string } | { type: 'dataset'; name: string }>;
  };
  considerations?: { useCases?: string[] };
  properties?: Array<{ name: string; value: string }>;
}

/** The model card for one Hub model, from `/api/models/{id}` facts; undefined when the Hub gave nothing to put in it. */
export function modelCardFromHub(hub: HubRepoFacts): ModelCard | undefined {
  const card: ModelCard = {};
  const params: NonNullable<ModelCard['modelParameters']> = {};
  if (hub.pipelineTag) params.task = hub.pipelineTag;
  if (hub.libraryName) params.architectureFamily = hub.libraryName;
  if (hub.card?.datasets) params.datasets = hub.card.datasets.map((name) => ({ type: 'dataset' as const, name }));
  if (Object.keys(params).length > 0) card.modelParameters = params;
  const properties: Array<{ name: string; value: string }> = [];
  if (hub.sha) properties.push({ name: 'huggingface:sha', value: hub.sha });
  if (hub.gated) properties.push({ name: 'huggingface:gated', value: hub.gated });
  if (hub.lastModified) properties.push({ name: 'huggingface:lastModified', value: hub.lastModified });
  for (const base of hub.card?.baseModel ?? []) properties.push({ name: 'huggingface:base_model', value: base });
  if (properties.length > 0) card.properties = properties;
  return Object.keys(card).length > 0 ? card : undefined;
}

/**
 * Adds `modelCard` objects to the serialized JSON BOM: cyclonedx-library models the `machine-learning-model` type
 * but not the model card, so the cards are attached to the components (by `bom-ref`) after serialization.
 * Components that are not `machine-learning-model` are left alone; the result is re-indented as the library does.
 */
export function attachModelCards(json: string, cards: ReadonlyMap<string, ModelCard>): string {
  if (cards.size === 0) return json;
  const bom = JSON.parse(json) as { components?: Array<Record<string, unknown>> };
  for (const component of bom.components ?? []) {
    const card = cards.get(String(component['bom-ref']));
    if (card && component.type === 'machine-learning-model') component.modelCard = card;
  }
  return `${JSON.stringify(bom, null, 2)}\n`;
}

/** Reads one Hub repository's facts (the Hub client's `getRepo`). */
export type HubRepoReader = (name: string, revision?: string) => Promise<HubRepoFacts | undefined>;

/**
 * Model cards for the Hub models of some inventories, keyed by purl (the components' `bom-ref`), each read at the
 * pinned revision when there is one. Repositories the Hub does not have get no card; an outage throws.
 */
export async function modelCardsFromHub(inventories: readonly Inventory[], read: HubRepoReader): Promise<Map<string, ModelCard>> {
  const cards = new Map<string, ModelCard>();
  for (const pkg of inventories.flatMap((inv) => inv.packages)) {
    if (pkg.reference?.kind !== 'model' || cards.has(pkg.purl)) continue;
    const facts = await read(pkg.name, pkg.version || undefined);
    const card = facts ? modelCardFromHub(facts) : undefined;
    if (card) cards.set(pkg.purl, card);
  }
  return cards;
}
