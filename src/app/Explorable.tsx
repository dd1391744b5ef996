// One explorable on a page: starts its worker and store once, connects them to the page (URL, host bridge),
// and provides them to the views.
import { useEffect, useState, type ReactNode } from "react";
import { ExplorableProvider } from "../components/context.tsx";
import type { AppStore } from "../store/appStore.ts";
import type { TrainingClient } from "../worker/training/client.ts";
import { startExplorable, type ExplorableOptions } from "./startExplorable.ts";

/** What `connect` gets: the explorable's store and client, to wire the URL or a host page; it returns a cleanup. */
export type Connect = (explorable: { client: TrainingClient; store: AppStore }) => () => void;

export function Explorable({
  options,
  connect,
  children,
}: {
  options: ExplorableOptions;
  connect?: Connect;
  children: ReactNode;
}) {
  const [explorable] = useState(() => startExplorable(options));
  useEffect(() => {
    const disconnect = connect?.(explorable);
    return () => {
      disconnect?.();
      explorable.dispose();
    };
    // connect runs once, with the explorable it was started with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [explorable]);
  return (
    <ExplorableProvider store={explorable.store} client={explorable.client} savedWork={explorable.savedWork}>
      {children}
    </ExplorableProvider>
  );
}
