// The experiments page's services, made once at its root (ExperimentsApp) and provided to every experiment: the
// analysis source, the training workers, the learner's digit collection and the MNIST folder. Tests provide fakes
// through the same provider; a hook used outside one throws.
import { createContext, useContext, type ReactNode } from "react";
import { AnalysisClient } from "../worker/analysis/client.ts";
import { createRunsClient, type RunsClient } from "../worker/runs/client.ts";
import { idbDigitStore, type DigitStore } from "./mine/storage.ts";
import { MNIST_DATA_FOLDER } from "../worker/data.ts";
import { workerSource, type ExperimentSource } from "./source.ts";

export interface ExperimentServices {
  /** The checkpoints' networks, the test set and noise through them. */
  readonly source: ExperimentSource;
  /** Starts training runs (one worker each). */
  readonly runs: RunsClient;
  /** The learner's own digits. */
  readonly digits: DigitStore;
  /** Absolute URL of the MNIST folder the runs download (a worker resolves URLs against its script). */
  readonly dataUrl: string;
}

/** The page's services: the files next to the page (`baseUrl`), the experiments' workers, IndexedDB. */
export function fileExperimentServices(baseUrl: string): ExperimentServices {
  return {
    source: workerSource(new AnalysisClient(), baseUrl),
    runs: createRunsClient(),
    digits: idbDigitStore(),
    dataUrl: new URL(MNIST_DATA_FOLDER, baseUrl).href,
  };
}

const ExperimentsContext = createContext<ExperimentServices | null>(null);

export function ExperimentsProvider({
  services,
  children,
}: {
  services: ExperimentServices;
  children: ReactNode;
}) {
  return <ExperimentsContext.Provider value={services}>{children}</ExperimentsContext.Provider>;
}

/** The services of the page's ExperimentsProvider; throws outside one. */
export function useExperimentServices(): ExperimentServices {
  const services = useContext(ExperimentsContext);
  if (!services) throw new Error("An experiment was rendered outside an ExperimentsProvider.");
  return services;
}
