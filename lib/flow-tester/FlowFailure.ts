/** Why a step of the flow failed (one line) and what an MCP client would do next. */
export class FlowFailure extends Error {
  override readonly name = "FlowFailure";
  readonly next: string;

  constructor(why: string, next: string) {
    super(why);
    this.next = next;
  }
}
