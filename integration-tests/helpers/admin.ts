import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"

export const ADMIN_EMAIL = "merchant@tienda.test"
export const ADMIN_PASSWORD = "correct horse battery staple"

/**
 * Creates an admin the way `medusa user` does (an emailpass auth identity linked to a user), so the tests
 * log in through the real `POST /auth/user/emailpass` route rather than minting a token. Does nothing when the
 * admin exists: suites that share one app (and one database snapshot) each ask for it.
 */
export async function createAdmin(container: MedusaContainer): Promise<void> {
  if ((await container.resolve(Modules.USER).listUsers({ email: ADMIN_EMAIL })).length) {
    return
  }
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", {
    body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  })
  if (error || !authIdentity) {
    throw new Error(`could not register the test admin: ${error}`)
  }
  await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, userData: { email: ADMIN_EMAIL } },
  })
  container.resolve(ContainerRegistrationKeys.LOGGER).info(`test admin ${ADMIN_EMAIL} created`)
}

/** The test admin's bearer token, per app (the runner's `api` client): one login per boot, not per test. */
const tokens = new WeakMap<object, Promise<string>>()

/**
 * Request headers carrying the test admin's bearer token, logged in over HTTP on first use. The token is a signed
 * JWT and the admin is in every database snapshot the runner restores between tests, so it stays valid for the
 * whole file; logging in again for each test cost ~160 ms of scrypt each time, and ran into the shop's login limit.
 */
export async function adminHeaders(api: any): Promise<{ headers: Record<string, string> }> {
  let token = tokens.get(api)
  if (!token) {
    const login: Promise<string> = api
      .post("/auth/user/emailpass", { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
      .then((response: any) => response.data.token as string)
    tokens.set(api, login)
    login.catch(() => tokens.delete(api))
    token = login
  }
  return { headers: { authorization: `Bearer ${await token}` } }
}
