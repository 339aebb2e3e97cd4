import { MedusaError } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import type { FieldPlan } from "./field-plan"

/**
 * Refuses, at `upsertIndex` (so during `db:migrate`, before anything is served), what an index definition asks
 * and this provider cannot honour exactly.
 */
export function assertDefinitionSupported(
  definition: SearchTypes.ResolvedSearchIndexDefinition,
  plan: FieldPlan
): void {
  const problems: string[] = []
  const typo = definition.settings?.typo_tolerance
  const one = typo?.min_word_size_for_one_typo
  const two = typo?.min_word_size_for_two_typos
  if (one !== undefined && (!Number.isInteger(one) || one < 1)) {
    problems.push(`settings.typo_tolerance.min_word_size_for_one_typo must be a whole number of 1 or more (got ${one})`)
  }
  if (two !== undefined && (!Number.isInteger(two) || two < (one ?? 1))) {
    problems.push(
      `settings.typo_tolerance.min_word_size_for_two_typos must be a whole number, at least min_word_size_for_one_typo (got ${two})`
    )
  }
  for (const path of typo?.disabled_on_attributes ?? []) {
    if (!plan.fields.get(path)?.searchable) {
      problems.push(`settings.typo_tolerance.disabled_on_attributes names "${path}", which is not a searchable field`)
    }
  }
  const distinct = definition.settings?.distinct_attribute
  if (distinct) {
    const field = plan.fields.get(distinct)
    if (!field) {
      problems.push(`settings.distinct_attribute names "${distinct}", which the index does not declare`)
    } else if (field.isArray || field.kind === "geo") {
      problems.push(`settings.distinct_attribute "${distinct}" must be a single-valued scalar field`)
    }
  }
  if (problems.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `The Elasticsearch search provider cannot hold search index "${definition.name}": ${problems.join("; ")}`
    )
  }
}
