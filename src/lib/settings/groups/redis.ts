import { optional } from "../define"
import { url } from "../types/text"

/** Redis: Medusa's event bus, workflow engine, locking and cache, and every cross-process invalidation. */
export const redisSettings = {
  url: optional("REDIS_URL", url(["redis", "rediss"]), "Redis URL; unset: in-process modules, PostgreSQL locks"),
}
