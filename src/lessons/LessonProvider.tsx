// The lessons page's services, made once at its root (LessonApp) and provided to every scene: the lesson data
// (both networks and the test set) and the labs with their checkpoints. Tests provide fakes through the same
// provider; a hook used outside one throws.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from "react";
import { fileLessonData, type LessonDataSource, type LessonDataState } from "./dataSource.ts";
import { fileLab, type LabServices } from "./lab/lab.ts";

export interface LessonServices {
  /** The networks and the test set every scene shows, loaded once, on first use. */
  readonly data: LessonDataSource;
  /** The lab workers, the checkpoints they start from and the MNIST folder they load. */
  readonly lab: LabServices;
}

/** The page's services: the files next to the page (`baseUrl`), downloaded with `fetchFn`, and real lab workers. */
export function fileLessonServices(
  baseUrl: string,
  fetchFn: (url: string) => Promise<Response> = (url) => fetch(url),
): LessonServices {
  return { data: fileLessonData(baseUrl, fetchFn), lab: fileLab(baseUrl, fetchFn) };
}

const LessonContext = createContext<LessonServices | null>(null);

export function LessonProvider({ services, children }: { services: LessonServices; children: ReactNode }) {
  return <LessonContext.Provider value={services}>{children}</LessonContext.Provider>;
}

/** The services of the page's LessonProvider; throws outside one. */
export function useLessonServices(): LessonServices {
  const services = useContext(LessonContext);
  if (!services) throw new Error("A lesson scene was rendered outside a LessonProvider.");
  return services;
}

/** The networks and test set: loading (with progress), ready, or an error message. Loads once per page. */
export function useLessonData(): LessonDataState {
  const { data } = useLessonServices();
  return useSyncExternalStore(data.subscribe, data.getState);
}
