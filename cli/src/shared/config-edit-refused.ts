/**
 * What `tienda` throws when it will not edit medusa-config.ts (see medusa-config-ref.ts): the message says what to
 * change by hand. In a file of its own so that the entry point can recognise it without loading ts-morph.
 */
export class ConfigEditRefused extends Error {}
