export type Locale = "en" | "es"

/** "es-ES", "ES", "es_MX" → "es"; anything not supported → the fallback. */
export function emailLocale(candidates: (string | null | undefined)[], fallback: Locale = "en"): Locale {
  for (const candidate of candidates) {
    const language = (candidate ?? "").trim().toLowerCase().split(/[-_]/)[0]
    if (language === "en" || language === "es") {
      return language
    }
  }
  return fallback
}

const en = {
  hello: (name: string) => (name ? `Hello ${name},` : "Hello,"),
  orderNumber: (id: string) => `Order #${id}`,
  item: "Item",
  quantity: "Qty",
  price: "Price",
  total: "Total",
  subtotal: "Subtotal",
  shipping: "Shipping",
  discount: "Discount",
  tax: "Tax",
  shippingMethod: "Shipping method",
  shippingAddress: "Shipping address",
  paymentMethod: "Payment method",
  orderPlacedSubject: (store: string, id: string) => `${store}: your order #${id} is confirmed`,
  orderPlacedIntro: "Thank you for your order. This is what you bought:",
  bankTransferTitle: "Please pay by bank transfer",
  bankTransferIntro: (amount: string) => `Transfer ${amount} to this account, quoting the payment reference:`,
  accountHolder: "Account holder",
  iban: "IBAN",
  bic: "BIC",
  bank: "Bank",
  reference: "Payment reference",
  bankTransferOutro: "We ship your order as soon as the money arrives.",
  orderShippedSubject: (store: string, id: string) => `${store}: your order #${id} is on its way`,
  orderShippedIntro: "Good news: these items have been shipped.",
  carrier: "Carrier",
  tracking: "Tracking number",
  trackParcel: "Track your parcel",
  orderCanceledSubject: (store: string, id: string) => `${store}: your order #${id} was canceled`,
  orderCanceledIntro: "Your order has been canceled. If you already paid for it, the money will be refunded.",
  refundSubject: (store: string, id: string) => `${store}: refund for your order #${id}`,
  refundIntro: (amount: string) =>
    `We have refunded ${amount} for your order. It may take a few days to reach your account.`,
  refundNote: "Note",
  resetSubject: (store: string) => `${store}: reset your password`,
  resetIntro: "Someone asked to reset the password of your account. To choose a new one, follow this link:",
  resetButton: "Choose a new password",
  resetOutro:
    "The link works for 15 minutes. If you did not ask for it, ignore this email: your password stays as it is.",
  welcomeSubject: (store: string) => `Welcome to ${store}`,
  welcomeIntro: (store: string) => `Your ${store} account is ready. You can follow your orders and check out faster.`,
  welcomeButton: "Go to your account",
  merchantSubject: (id: string, total: string) => `New order #${id} (${total})`,
  merchantIntro: (email: string) => `A new order was placed by ${email}.`,
  footer: (store: string) => `${store} · This email was sent because of your account or order with us.`,
  paymentMethods: {
    "bank-transfer": "Bank transfer",
    "cash-on-delivery": "Cash on delivery",
    stripe: "Card",
    paypal: "PayPal",
    system: "Manual payment",
  } as Record<string, string>,
}

export type Strings = typeof en

const es: Strings = {
  hello: (name) => (name ? `Hola ${name}:` : "Hola:"),
  orderNumber: (id) => `Pedido n.º ${id}`,
  item: "Artículo",
  quantity: "Cant.",
  price: "Precio",
  total: "Total",
  subtotal: "Subtotal",
  shipping: "Envío",
  discount: "Descuento",
  tax: "Impuestos",
  shippingMethod: "Método de envío",
  shippingAddress: "Dirección de envío",
  paymentMethod: "Forma de pago",
  orderPlacedSubject: (store, id) => `${store}: tu pedido n.º ${id} está confirmado`,
  orderPlacedIntro: "Gracias por tu pedido. Esto es lo que has comprado:",
  bankTransferTitle: "Paga por transferencia bancaria",
  bankTransferIntro: (amount) => `Transfiere ${amount} a esta cuenta indicando la referencia de pago:`,
  accountHolder: "Titular",
  iban: "IBAN",
  bic: "BIC",
  bank: "Banco",
  reference: "Referencia de pago",
  bankTransferOutro: "Enviaremos tu pedido en cuanto recibamos el pago.",
  orderShippedSubject: (store, id) => `${store}: tu pedido n.º ${id} está en camino`,
  orderShippedIntro: "Buenas noticias: hemos enviado estos artículos.",
  carrier: "Transportista",
  tracking: "Número de seguimiento",
  trackParcel: "Seguir el envío",
  orderCanceledSubject: (store, id) => `${store}: tu pedido n.º ${id} ha sido cancelado`,
  orderCanceledIntro: "Tu pedido ha sido cancelado. Si ya lo habías pagado, te devolveremos el dinero.",
  refundSubject: (store, id) => `${store}: reembolso de tu pedido n.º ${id}`,
  refundIntro: (amount) => `Te hemos reembolsado ${amount} de tu pedido. Puede tardar unos días en llegar a tu cuenta.`,
  refundNote: "Nota",
  resetSubject: (store) => `${store}: restablece tu contraseña`,
  resetIntro: "Alguien ha pedido restablecer la contraseña de tu cuenta. Para elegir una nueva, sigue este enlace:",
  resetButton: "Elegir una contraseña nueva",
  resetOutro: "El enlace vale durante 15 minutos. Si no lo has pedido tú, ignora este correo: tu contraseña no cambia.",
  welcomeSubject: (store) => `Te damos la bienvenida a ${store}`,
  welcomeIntro: (store) => `Tu cuenta de ${store} está lista. Podrás seguir tus pedidos y comprar más rápido.`,
  welcomeButton: "Ir a tu cuenta",
  merchantSubject: (id, total) => `Nuevo pedido n.º ${id} (${total})`,
  merchantIntro: (email) => `${email} ha hecho un pedido nuevo.`,
  footer: (store) => `${store} · Recibes este correo por tu cuenta o tu pedido con nosotros.`,
  paymentMethods: {
    "bank-transfer": "Transferencia bancaria",
    "cash-on-delivery": "Contra reembolso",
    stripe: "Tarjeta",
    paypal: "PayPal",
    system: "Pago manual",
  },
}

export function stringsFor(locale: Locale): Strings {
  return locale === "es" ? es : en
}
