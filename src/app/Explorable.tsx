// One explorable on a page: starts its worker and store once, connects them to the page (URL, host bridge),
// and provides them to the views.
import { useEffect, useState, type ReactNode } from "react";
import { ExplorableProvider } from "../components/context.tsx";
import type { AppStore } from "../store/appStore.ts";
import type { TrainingClient } from "../worker/training/client.ts";
import type { Lease } from "./groups.ts";
import { startExplorable, type ExplorableOptions } from "./startExplorable.ts";

/** What `connect` gets: the explorable's store and client, to wire the URL or a host page; it returns a cleanup. */
export type Connect = (explorable: { client: TrainingClient; store: AppStore }) => () => void;

/** An explorable of its own, started from `options`, ended with its view. */
function ownExplorable(options: ExplorableOptions): Lease {
  const explorable = startExplorable(options);
  return { explorable, release: () => explorable.dispose() };
}

/**
 * The views' explorable: its own (from `options`), or one held with others (`lease`, e.g. a group of linked
 * elements), released when these views go.
 */
export function Explorable({
  options,
  lease: givenLease,
  connect,
  children,
}: {
  options: ExplorableOptions;
  lease?: () => Lease;
  connect?: Connect;
  children: ReactNode;
}) {
  const [lease] = useState(() => (givenLease ? givenLease() : ownExplorable(options)));
  const { explorable } = lease;
  useEffect(() => {
    const disconnect = connect?.(explorable);
    return () => {
      disconnect?.();
      lease.release();
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
