import { z } from "@medusajs/framework/zod"

export type JsonSchema = Record<string, unknown>

/**
 * The JSON Schema (2020-12, OpenAPI 3.1's own dialect) of a zod schema: what a client sends (`input`: defaults
 * optional, coerced strings as their type) or what it receives (`output`). Types JSON cannot state (a transform's
 * result) become `{}` rather than failing the whole document.
 */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema
  return rest
}
