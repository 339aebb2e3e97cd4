export { sendEmailWorkflow } from "./send-email"
