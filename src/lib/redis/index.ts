export { createRedisClient, type RedisClientOptions } from "./create-redis-client"
export { redisClientHealth, redisFailureCount, type RedisClientHealth } from "./redis-health"
