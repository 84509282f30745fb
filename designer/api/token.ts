// The runtime's API token, asked for once per browser session: when a change is answered 401 the designer asks
// (TokenDialog), keeps the answer in sessionStorage and sends it with every change; a refused token is asked again,
// saying it was refused. Calls waiting for it share the one question.
import { createStore } from '../store/create-store.ts';

const SESSION_KEY = 'sluice.apiToken';

export type TokenQuestion = 'needed' | 'refused';
export type TokenState = { token?: string | undefined; asking?: TokenQuestion | undefined };

function session(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

export const tokenStore = createStore<TokenState>({ token: session()?.getItem(SESSION_KEY) ?? undefined });

let answer: Promise<string | undefined> | undefined;
let settle: ((token: string | undefined) => void) | undefined;

/** Asks for the token (once, however many calls wait); resolves with it, or undefined when the person declined. */
export function askForToken(question: TokenQuestion): Promise<string | undefined> {
  if (question === 'refused') forgetToken();
  tokenStore.set((state) => ({ ...state, asking: state.asking === 'refused' ? 'refused' : question }));
  answer ??= new Promise((done) => {
    settle = done;
  });
  return answer;
}

function finish(token: string | undefined): void {
  const done = settle;
  answer = undefined;
  settle = undefined;
  tokenStore.set(() => ({ token }));
  done?.(token);
}

export function submitToken(token: string): void {
  session()?.setItem(SESSION_KEY, token);
  finish(token);
}

export function declineToken(): void {
  finish(tokenStore.get().token);
}

export function forgetToken(): void {
  session()?.removeItem(SESSION_KEY);
  tokenStore.set((state) => ({ ...state, token: undefined }));
}
