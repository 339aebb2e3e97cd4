export { currentRequestContext, runInRequestContext, type RequestContext } from "./request-context"
