import { failure } from "./store"

/** Registers a customer over HTTP (auth identity + customer) and returns store headers carrying its token. */
export async function registerCustomer(api: any, key: string, email: string, password = "a-long-password-1") {
  const { data: registered } = await api.post("/auth/customer/emailpass/register", { email, password })
  const { data } = await api.post(
    "/store/customers",
    { email, first_name: email.split("@")[0], last_name: "Test" },
    { headers: { "x-publishable-api-key": key, authorization: `Bearer ${registered.token}` } }
  )
  const { data: login } = await api.post("/auth/customer/emailpass", { email, password })
  return {
    id: data.customer.id as string,
    email,
    password,
    headers: { headers: { "x-publishable-api-key": key, authorization: `Bearer ${login.token}` } },
  }
}

/** The status of a request that may succeed or fail. */
export async function statusOf(request: Promise<{ status: number }>): Promise<number> {
  try {
    return (await request).status
  } catch {
    return (await failure(request)).status
  }
}

/** Bodies must never carry SQL, stack frames, file paths or driver names. */
export const LEAK =
  /\bselect\b[\s\S]*\bfrom\b|insert into|"[a-z_]+"\."[a-z_]+"|\bat [\w.<>$]+ \(?[^)\s]*:\d+:\d+|node_modules|\/work\/|knex|mikro-?orm|syntax error at or near|violates .* constraint|invalid input syntax/i
