export * from "./upsert-rate-table"
