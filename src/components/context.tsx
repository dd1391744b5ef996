// React access to one explorable's store and training client (a context, so two embeds on a page stay apart).
import { createContext, useContext, type ReactNode } from "react";
import { useStore } from "zustand";
import type { AppActions, AppState, AppStore } from "../store/appStore.ts";
import type { TrainingClient } from "../worker/client.ts";

interface Explorable {
  readonly store: AppStore;
  readonly client: TrainingClient;
}

const ExplorableContext = createContext<Explorable | null>(null);

export function ExplorableProvider({ store, client, children }: Explorable & { children: ReactNode }) {
  return <ExplorableContext.Provider value={{ store, client }}>{children}</ExplorableContext.Provider>;
}

function useExplorable(): Explorable {
  const value = useContext(ExplorableContext);
  if (!value) throw new Error("an explorable view must be inside <ExplorableProvider>");
  return value;
}

/** A slice of the app state; re-renders only when the selected value changes. */
export function useApp<T>(selector: (state: AppState & AppActions) => T): T {
  return useStore(useExplorable().store, selector);
}

/** The store itself, for actions and getState() in handlers and frame loops. */
export function useAppStore(): AppStore {
  return useExplorable().store;
}

/** The training client, for per-frame data (client.onFrame) and commands. */
export function useClient(): TrainingClient {
  return useExplorable().client;
}
