// The experiments' numbers as React state: each hook asks the page's source (from ExperimentsProvider) and
// re-asks when its arguments change.
import { useCallback, useEffect, useState } from "react";
import type { DigitAverages } from "../engine/inputAscent.ts";
import type { Network } from "../engine/network.ts";
import type { Checkpoint } from "../worker/models.ts";
import { useExperimentServices } from "./ExperimentsProvider.tsx";
import type { Analysis, TestAnalysis } from "./source.ts";

/** The state of one asynchronous result. */
export type Resource<T> =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly value: T }
  | { readonly status: "error"; readonly message: string };

const LOADING = { status: "loading" } as const;

/** The result of `get()`, asked again whenever `get` changes (memoise it with useCallback). */
export function useResource<T>(get: () => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ get: () => Promise<T>; resource: Resource<T> }>({
    get,
    resource: LOADING,
  });
  useEffect(() => {
    let live = true;
    get().then(
      (value) => live && setState({ get, resource: { status: "ready", value } }),
      (err: unknown) =>
        live &&
        setState({
          get,
          resource: { status: "error", message: err instanceof Error ? err.message : String(err) },
        }),
    );
    return () => {
      live = false;
    };
  }, [get]);
  return state.get === get ? state.resource : LOADING;
}

export function useModel(epochs: Checkpoint): Resource<Network<Float32Array>> {
  const { source } = useExperimentServices();
  return useResource(useCallback(() => source.model(epochs), [source, epochs]));
}

export function useTestAnalysis(epochs: Checkpoint): Resource<TestAnalysis> {
  const { source } = useExperimentServices();
  return useResource(useCallback(() => source.test(epochs), [source, epochs]));
}

export function useNoiseAnalysis(epochs: Checkpoint, seed: number): Resource<Analysis> {
  const { source } = useExperimentServices();
  return useResource(useCallback(() => source.noise(epochs, seed), [source, epochs, seed]));
}

export function useAverages(): Resource<DigitAverages> {
  const { source } = useExperimentServices();
  return useResource(useCallback(() => source.averages(), [source]));
}
