/** The `type` of the message the callback page posts to the flow tester: `{ type, url }`. */
export const FLOW_CALLBACK_MESSAGE = "gatehouse-flow-callback";
