/** RFC 6749 §5.1 successful token response (the route adds `Cache-Control: no-store`). */
export interface TokenResponse {
  access_token: string;
  token_type: "Bearer";
  /** Seconds until the access token expires. */
  expires_in: number;
  refresh_token?: string;
  /** Always sent, so the client never has to guess what it got (RFC 6749 §5.1 allows omitting it when unchanged). */
  scope: string;
}
