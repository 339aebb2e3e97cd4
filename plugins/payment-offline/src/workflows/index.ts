export * from "./mark-offline-payment-paid"
export * from "./apply-cash-on-delivery-fee"
