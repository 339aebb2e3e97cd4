/**
 * Demo customer accounts, made the way the store API's registration does it, so they log in through
 * `POST /auth/customer/emailpass`: the auth module registers an emailpass identity (it hashes the password), then
 * createCustomerAccountWorkflow creates the customer and records its id on that identity.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import type { CustomersData } from "./types"
import { usesProductionRules } from "../../lib/secrets/runtime-mode"

/** The auth provider behind `/auth/customer/emailpass`. */
const EMAILPASS_PROVIDER = "emailpass"

/**
 * The demo accounts, under the local rules only (NODE_ENV development or test, or a local `tienda start`): their
 * password is published in data/customers.json, so in production (any other NODE_ENV) they would be accounts anyone
 * can log in to, and they are not made. Returns whether they were.
 */
export async function seedDemoCustomers(container: MedusaContainer, data: CustomersData): Promise<boolean> {
  if (usesProductionRules()) {
    return false
  }
  await seedCustomers(container, data)
  return true
}

/** Creates the demo accounts; returns customer ids by email. */
export async function seedCustomers(container: MedusaContainer, data: CustomersData): Promise<Record<string, string>> {
  const auth = container.resolve(Modules.AUTH)
  const ids: Record<string, string> = {}
  for (const customer of data.customers) {
    const { success, authIdentity, error } = await auth.register(EMAILPASS_PROVIDER, {
      body: { email: customer.email, password: data.password },
    })
    if (!success || !authIdentity) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Could not register ${customer.email} with the ${EMAILPASS_PROVIDER} auth provider: ${error ?? "no identity"}`
      )
    }
    const { result } = await createCustomerAccountWorkflow(container).run({
      input: {
        authIdentityId: authIdentity.id,
        customerData: {
          email: customer.email,
          first_name: customer.first_name,
          last_name: customer.last_name,
          phone: customer.phone,
          addresses: [{ ...customer.address, is_default_shipping: true, is_default_billing: true }],
        },
      },
    })
    ids[customer.email] = result.id
  }
  return ids
}
