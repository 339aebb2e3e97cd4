import type { MedusaContainer } from "@medusajs/framework/types"
import { rollBackInterruptedCompletions } from "../lib/checkout/interrupted-completions"

/** Every minute: orders left by completions cut off before their payment are undone (lib/checkout/). */
export default async function rollBackInterruptedCompletionsJob(container: MedusaContainer) {
  await rollBackInterruptedCompletions(container)
}

export const config = {
  name: "tienda-roll-back-interrupted-completions",
  schedule: "* * * * *",
}
