// React access to one explorable's store and training client (a context, so two embeds on a page stay apart),
// and, on the page that keeps saved work, its controls.
import { createContext, useContext, type ReactNode } from "react";
import { useStore } from "zustand";
import type { AppActions, AppState, AppStore } from "../store/appStore.ts";
import type { TrainingClient } from "../worker/training/client.ts";

/** What the controls need of an explorable's saved work (absent when nothing is saved, as in embeds). */
export interface SavedWorkControls {
  /** Stops saving, clears the saved work and reloads the page with the default settings and pretrained model. */
  resetToDefaults(): Promise<void>;
}

export interface ExplorableContextValue {
  readonly store: AppStore;
  readonly client: TrainingClient;
  readonly savedWork?: SavedWorkControls | undefined;
}

const ExplorableContext = createContext<ExplorableContextValue | null>(null);

export function ExplorableProvider({
  store,
  client,
  savedWork,
  children,
}: ExplorableContextValue & { children: ReactNode }) {
  return (
    <ExplorableContext.Provider value={{ store, client, savedWork }}>{children}</ExplorableContext.Provider>
  );
}

function useExplorable(): ExplorableContextValue {
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

/** The saved work's controls, or undefined where nothing is saved (embeds, tests). */
export function useSavedWork(): SavedWorkControls | undefined {
  return useExplorable().savedWork;
}
