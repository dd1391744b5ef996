// What the lessons' scenes need to run experiments off the main thread: a lab worker per scene mount, the shipped
// checkpoints it starts from (each downloaded once per page and shared by every scene), and the MNIST folder.
import type { Network } from "../../engine/network.ts";
import { LabClient } from "../../worker/lab/client.ts";
import type { LabMap, LabOp } from "../../worker/lab/protocol.ts";
import { checkpointPath, loadModelFile, type Checkpoint } from "../../worker/models.ts";
import { LESSON_FILES } from "../data.ts";
import { storesByKey, type LoadStore } from "../loadStore.ts";

/** What a scene needs of a lab: LabClient's call and dispose. */
export interface Lab {
  call<K extends LabOp>(op: K, args: LabMap[K]["args"]): Promise<LabMap[K]["result"]>;
  dispose(): void;
}

/** The name a scene's lab holds its starting network under. */
export const START_MODEL = "start";

/** The lessons' labs and what they load. */
export interface LabServices {
  /** A new lab; each scene mount makes at most one and disposes of it when it unmounts. */
  readonly createLab: () => Lab;
  /** A shipped checkpoint's network, loaded on first use; the error names the file. */
  readonly checkpoint: (epochs: Checkpoint) => LoadStore<Network<Float32Array>>;
  /** Absolute URL of the MNIST folder, for the lab's loadData (a worker resolves URLs against its script). */
  readonly dataUrl: string;
}

/** The page's labs: LabClient workers; files next to the page (`baseUrl`), downloaded with `fetchFn`. */
export function fileLab(baseUrl: string, fetchFn: (url: string) => Promise<Response>): LabServices {
  const url = (path: string) => new URL(path, baseUrl).href;
  return {
    createLab: () => new LabClient(),
    checkpoint: storesByKey(
      async (epochs: Checkpoint) => (await loadModelFile(url(checkpointPath(epochs)), fetchFn)).net,
    ),
    dataUrl: url(LESSON_FILES.mnist),
  };
}
