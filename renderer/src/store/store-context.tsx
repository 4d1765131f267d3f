import { createContext, useContext, useSyncExternalStore, type ReactNode } from "react";
import type { LiveState } from "./live-state.js";
import type { LiveStore } from "./live-store.js";

const StoreContext = createContext<LiveStore | null>(null);

export function StoreProvider({ store, children }: { store: LiveStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useStore(): LiveStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error("useStore outside StoreProvider");
  return store;
}

/** Subscribe to one slice; the selector must return something stable (a slice of the state, not a new object). */
export function useLiveState<T>(select: (state: LiveState) => T): T {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
