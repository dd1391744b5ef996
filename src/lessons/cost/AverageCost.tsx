// Step "the cost function": the mean cost over the whole test set for the untrained and the trained
// network, computed in idle chunks with progress, and remembered for the page's lifetime.
import { useEffect, useState } from "react";
import type { MnistSplit } from "../../engine/idx.ts";
import { parameterCount, type Network } from "../../engine/network.ts";
import { formatCount, formatPercent } from "../../render/format.ts";
import { Count, Num } from "../views/Num.tsx";
import { averageCost, type AverageCostResult } from "./averageCost.ts";

const results = new WeakMap<Network, WeakMap<MnistSplit, AverageCostResult>>();

/** The average cost of `net` over `test`: null while it is computed, with the images done so far. */
function useAverageCost(net: Network<Float32Array>, test: MnistSplit) {
  const [progress, setProgress] = useState<{ done: number; result: AverageCostResult | null }>({
    done: 0,
    result: null,
  });
  const known = results.get(net)?.get(test) ?? progress.result;
  useEffect(() => {
    if (results.get(net)?.has(test)) return;
    const stop = new AbortController();
    averageCost(net, test, {
      signal: stop.signal,
      onProgress: (done) => setProgress({ done, result: null }),
    }).then(
      (result) => {
        const byTest = results.get(net) ?? new WeakMap<MnistSplit, AverageCostResult>();
        byTest.set(test, result);
        results.set(net, byTest);
        setProgress({ done: result.count, result });
      },
      () => {}, // stopped: the view went away
    );
    return () => stop.abort();
  }, [net, test]);
  return { done: known ? known.count : progress.done, result: known };
}

function NetworkAverage({
  which,
  title,
  net,
  test,
}: {
  which: "untrained" | "trained";
  title: string;
  net: Network<Float32Array>;
  test: MnistSplit;
}) {
  const { done, result } = useAverageCost(net, test);
  return (
    <section className="average" data-network={which} aria-label={title}>
      <h3>{title}</h3>
      {result ? (
        <>
          <p className="average-cost">
            C = <Num term="average-cost" value={result.cost} digits={4} precise />
          </p>
          <p className="hint">
            right on <Count term="correct" value={result.correct} /> of {formatCount(result.count)} images (
            {formatPercent(result.correct / result.count)})
          </p>
        </>
      ) : (
        <div className="computing" role="status">
          <progress max={test.count} value={done} aria-label={`Average cost of the ${which} network`} />
          <span className="hint">
            {formatCount(done)} of {formatCount(test.count)} images
          </span>
        </div>
      )}
    </section>
  );
}

export function AverageCost({
  untrained,
  trained,
  test,
}: {
  untrained: Network<Float32Array>;
  trained: Network<Float32Array>;
  test: MnistSplit;
}) {
  return (
    <div className="average-view">
      <div className="side-by-side">
        <NetworkAverage which="untrained" title="Untrained (random weights)" net={untrained} test={test} />
        <NetworkAverage which="trained" title="Trained (30 epochs)" net={trained} test={test} />
      </div>
      <div className="function-box" aria-label="The cost function">
        <div>
          <span className="hint">input</span>
          <span>
            <Count term="parameter-count" value={parameterCount(trained.spec)} /> weights and biases
          </span>
        </div>
        <span className="arrow" aria-hidden="true">
          →
        </span>
        <div className="machine">C</div>
        <span className="arrow" aria-hidden="true">
          →
        </span>
        <div>
          <span className="hint">output</span>
          <span>one number, the average cost</span>
        </div>
        <p className="hint">
          here built from the {formatCount(test.count)} labelled test images, which stay fixed (training makes
          the same average over the 60,000 training images small)
        </p>
      </div>
    </div>
  );
}
