import { optional } from "../define"
import { origins } from "../types/origins"

/** Browser origins per API; unset, medusa-config.ts derives local defaults from PORT. */
export const corsSettings = {
  store: optional("STORE_CORS", origins, "origins allowed to call /store from a browser"),
  admin: optional("ADMIN_CORS", origins, "origins allowed to call /admin"),
  auth: optional("AUTH_CORS", origins, "origins allowed to call /auth"),
}
