export { currentRequestContext, runInRequestContext, type RequestContext } from "./request-context"
export { currentWorkflowContext, runInWorkflowContext, type WorkflowContext } from "./workflow-context"
