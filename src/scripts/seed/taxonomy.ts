/**
 * How the catalog is organised: categories (a tree), collections, product tags and product types.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import {
  createCollectionsWorkflow,
  createProductCategoriesWorkflow,
  createProductOptionsWorkflow,
  createProductTagsWorkflow,
  createProductTypesWorkflow,
} from "@medusajs/medusa/core-flows"
import type { CategoryData, CollectionData } from "./types"

/** Global option per title: its id and value ids by value. */
export type SharedOptions = Record<string, { id: string; valueIds: Record<string, string> }>

/** Creates the category tree one level at a time (children need their parent's id); returns ids by handle. */
export async function seedCategories(
  container: MedusaContainer,
  tree: CategoryData[]
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {}
  let level: { category: CategoryData; parentHandle: string | null }[] = tree.map((category) => ({
    category,
    parentHandle: null,
  }))
  while (level.length) {
    const { result } = await createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: level.map(({ category, parentHandle }, rank) => ({
          name: category.name,
          handle: category.handle,
          description: category.description,
          is_active: true,
          rank,
          parent_category_id: parentHandle ? ids[parentHandle] : null,
        })),
      },
    })
    for (const created of result) {
      ids[created.handle] = created.id
    }
    level = level.flatMap(({ category }) =>
      (category.children ?? []).map((child) => ({ category: child, parentHandle: category.handle }))
    )
  }
  return ids
}

export async function seedCollections(
  container: MedusaContainer,
  collections: CollectionData[]
): Promise<Record<string, string>> {
  const { result } = await createCollectionsWorkflow(container).run({
    input: { collections: collections.map(({ handle, title }) => ({ handle, title })) },
  })
  return Object.fromEntries(result.map((collection) => [collection.handle, collection.id]))
}

/** Product tags by value, creating the ones that do not exist yet. */
export async function ensureProductTags(container: MedusaContainer, values: string[]): Promise<Record<string, string>> {
  const wanted = [...new Set(values)]
  const ids: Record<string, string> = {}
  if (!wanted.length) {
    return ids
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: existing } = await query.graph({
    entity: "product_tag",
    fields: ["id", "value"],
    filters: { value: wanted },
  })
  for (const tag of existing) {
    ids[tag.value] = tag.id
  }
  const missing = wanted.filter((value) => !ids[value])
  if (missing.length) {
    const { result } = await createProductTagsWorkflow(container).run({
      input: { product_tags: missing.map((value) => ({ value })) },
    })
    for (const tag of result) {
      ids[tag.value] = tag.id
    }
  }
  return ids
}

/** Product types by value, creating the ones that do not exist yet. */
export async function ensureProductTypes(
  container: MedusaContainer,
  values: string[]
): Promise<Record<string, string>> {
  const wanted = [...new Set(values)]
  const ids: Record<string, string> = {}
  if (!wanted.length) {
    return ids
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: existing } = await query.graph({
    entity: "product_type",
    fields: ["id", "value"],
    filters: { value: wanted },
  })
  for (const type of existing) {
    ids[type.value] = type.id
  }
  const missing = wanted.filter((value) => !ids[value])
  if (missing.length) {
    const { result } = await createProductTypesWorkflow(container).run({
      input: { product_types: missing.map((value) => ({ value })) },
    })
    for (const type of result) {
      ids[type.value] = type.id
    }
  }
  return ids
}

/**
 * Global (non-exclusive) product options that many products share, each product using a subset of the values.
 * Reuses an existing global option with the same title when it has every value; refuses one that lacks some.
 */
export async function ensureSharedOptions(
  container: MedusaContainer,
  specs: { title: string; values: string[] }[]
): Promise<SharedOptions> {
  const existing = await container
    .resolve(Modules.PRODUCT)
    .listProductOptions({ title: specs.map((spec) => spec.title), is_exclusive: false }, { relations: ["values"] })
  const missing = specs.filter((spec) => !existing.some((option) => option.title === spec.title))
  let created: typeof existing = []
  if (missing.length) {
    const { result } = await createProductOptionsWorkflow(container).run({
      input: { product_options: missing.map(({ title, values }) => ({ title, values, is_exclusive: false })) },
    })
    created = result
  }
  const options: SharedOptions = {}
  for (const option of [...existing, ...created]) {
    const spec = specs.find((s) => s.title === option.title)!
    const valueIds = Object.fromEntries((option.values ?? []).map((value) => [value.value, value.id]))
    const lacking = spec.values.filter((value) => !valueIds[value])
    if (lacking.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The shared product option "${option.title}" (${option.id}) has no value ` +
          `${lacking.join(", ")}; add the values or rename that option`
      )
    }
    options[option.title] = { id: option.id, valueIds }
  }
  return options
}
