import { FLOW_CALLBACK_MESSAGE } from "./flowCallbackMessage";
import { FlowFailure } from "./FlowFailure";

export interface AuthorizationWindow {
  /**
   * Sends the window to the authorization URL; resolves with the URL the authorization server
   * redirected to, as the callback page posts it back. Rejects with a FlowFailure when the window
   * was blocked or closed, or the answer carries another state.
   */
  authorize(authorizationUrl: string, expectedState: string): Promise<string>;
  close(): void;
}

const NAME = "gatehouse-flow-authorization";

/**
 * Opens the popup the authorization runs in. Call it straight from the click that starts the run:
 * browsers allow a popup only within a user gesture, and discovery and registration come first.
 * The consent screen refuses to be framed (frame-ancestors 'none'), which is why this is a
 * window and not an iframe.
 *
 * The answer is accepted only from this window, from our own origin (the callback page is on the
 * portal's origin, and so is the redirect_uri), and only with the state of this run (RFC 9700
 * §2.1: a client must tie the response to its request).
 */
export function openAuthorizationWindow(): AuthorizationWindow {
  const popup = window.open("", NAME, "popup,width=560,height=760");
  try {
    if (popup) {
      popup.document.title = "Authorization";
      popup.document.body.style.font = "14px system-ui, sans-serif";
      popup.document.body.textContent = "Preparing the authorization request…";
    }
  } catch {
    // a window of that name already on another origin: it is navigated below all the same
  }
  return {
    authorize(authorizationUrl, expectedState) {
      if (!popup || popup.closed) {
        return Promise.reject(new FlowFailure("The browser blocked the authorization window (a popup).", "Allow popups for this site and run the flow again; a desktop client would open the system browser instead."));
      }
      popup.location.href = authorizationUrl;
      popup.focus();
      return new Promise<string>((resolve, reject) => {
        const finish = () => {
          window.removeEventListener("message", onMessage);
          clearInterval(watch);
        };
        const onMessage = (event: MessageEvent) => {
          if (event.origin !== window.location.origin || event.source !== popup) return;
          const data = event.data as { type?: unknown; url?: unknown } | null;
          if (!data || data.type !== FLOW_CALLBACK_MESSAGE || typeof data.url !== "string") return;
          finish();
          popup.close();
          let state: string | null = null;
          try {
            state = new URL(data.url).searchParams.get("state");
          } catch {
            // reported as a state mismatch
          }
          if (state !== expectedState) {
            reject(new FlowFailure("The answer's state is not the one this request sent.", "A client discards such an answer (it may be forged, RFC 9700 §2.1) and starts again."));
            return;
          }
          resolve(data.url);
        };
        const watch = setInterval(() => {
          if (!popup.closed) return;
          finish();
          reject(new FlowFailure("The authorization window was closed before it answered.", "A client waits for the redirect or lets the user start again; run the flow again and answer in the window."));
        }, 500);
        window.addEventListener("message", onMessage);
      });
    },
    close() {
      popup?.close();
    },
  };
}
