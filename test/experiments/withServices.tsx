// Rendering an experiment for a test inside the page's ExperimentsProvider, with fake services.
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { ExperimentsProvider, type ExperimentServices } from "../../src/experiments/ExperimentsProvider.tsx";
import { fakeServices } from "./fixtures.ts";

/** `ui` rendered with `services` (fakeServices() by default). */
export function renderWith(ui: ReactElement, services: ExperimentServices = fakeServices()) {
  return render(<ExperimentsProvider services={services}>{ui}</ExperimentsProvider>);
}
