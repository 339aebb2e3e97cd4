import { setting } from "../define"
import { onOff } from "../types/switches"
import { url } from "../types/text"

/** PostgreSQL. Unset, `tienda start` runs an embedded server on TIENDA_PG_PORT and this default names it. */
export const databaseSettings = {
  url: setting(
    "DATABASE_URL",
    url(["postgres", "postgresql"]),
    "postgres://postgres:postgres@localhost:54329/tienda",
    "PostgreSQL connection URL"
  ),
  ssl: setting("DATABASE_SSL", onOff, false, "TLS to the database without certificate verification"),
}
