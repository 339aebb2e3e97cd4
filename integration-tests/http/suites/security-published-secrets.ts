import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { RunnerContext } from "../../helpers/test-runner"
import { adminHeaders } from "../../helpers/admin"
import { adminTokenSignedWith, repositorySecrets } from "../../helpers/published-secrets"

/**
 * Nobody can sign an admin token with a secret that is written in the repository (Medusa's default, Tienda's old
 * local fallback, the bench's, doc placeholders): the app signs with the env's secrets or the install's random
 * ones. Over real HTTP, for the test admin's real user id. (The other modes: src/__tests__/published-secrets.spec.ts.)
 */
export function securityPublishedSecretsSuite({ api, getContainer }: RunnerContext): void {
  const status = (token: string) =>
    api.get("/admin/users/me", { headers: { authorization: `Bearer ${token}` } }).then(
      (response: any) => response.status,
      (error: any) => error.response?.status
    )

  it("refuses an admin token signed with any secret found in the repository", async () => {
    const { data } = await api.get("/admin/users/me", await adminHeaders(api))
    const userId = data.user.id
    const { jwtSecret } = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http
    // The forged tokens are well-formed: signed with the app's own secret, the same token is accepted.
    expect(await status(adminTokenSignedWith(jwtSecret as string, userId))).toBe(200)

    const secrets = repositorySecrets()
    expect(secrets).toEqual(expect.arrayContaining(["supersecret", "tienda-local-development-secret"]))
    for (const secret of secrets) {
      expect({ secret, status: await status(adminTokenSignedWith(secret, userId)) }).toEqual({ secret, status: 401 })
    }
  })
}
