// Step "counting the parameters": weights and biases of every layer, summed; the total from the engine's
// parameterCount.
import { parameterCount, type NetworkSpec } from "../../engine/network.ts";
import { formatCount, formatPercent } from "../../render/format.ts";
import { Count } from "../views/Num.tsx";

export function Parameters({ spec }: { spec: NetworkSpec }) {
  const { sizes } = spec;
  const layers = sizes.slice(1).map((n, i) => {
    const nPrev = sizes[i]!;
    return { l: i + 1, n, nPrev, weights: n * nPrev, biases: n };
  });
  const L = layers.length;
  const total = parameterCount(spec);
  return (
    <div className="parameters">
      <table className="parameter-table">
        <thead>
          <tr>
            <th scope="col">layer</th>
            <th scope="col">weights</th>
            <th scope="col">biases</th>
            <th scope="col">together</th>
          </tr>
        </thead>
        <tbody>
          {layers.map(({ l, n, nPrev, weights, biases }) => (
            <tr key={l}>
              <th scope="row">
                {l} <span className="hint">{l === L ? "output" : "hidden"}</span>
              </th>
              <td>
                <span className="num">
                  {formatCount(nPrev)} × {formatCount(n)} ={" "}
                </span>
                <Count term={`weights-layer-${l}`} value={weights} />
              </td>
              <td>
                <Count term={`biases-layer-${l}`} value={biases} />
              </td>
              <td>
                <Count term={`parameters-layer-${l}`} value={weights + biases} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">all layers</th>
            <td>
              <span className="num">{formatCount(layers.reduce((s, x) => s + x.weights, 0))}</span>
            </td>
            <td>
              <span className="num">{formatCount(layers.reduce((s, x) => s + x.biases, 0))}</span>
            </td>
            <td>
              <Count term="parameter-count" value={total} className="total" />
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="big-number">
        <Count term="parameter-count-big" value={total} /> <span>weights and biases</span>
      </p>
      <div className="share-bar" aria-hidden="true">
        {layers.map(({ l, weights, biases }) => (
          <span key={l} className={`share layer-${Math.min(l, 3)}`} style={{ flexGrow: weights + biases }}>
            {(weights + biases) / total > 0.1 ? `layer ${l}` : ""}
          </span>
        ))}
      </div>
      <p className="hint">
        {formatPercent(layers[0]!.weights / total)} of them are the weights from the {formatCount(sizes[0]!)}{" "}
        pixels into the first hidden layer: one for every pixel and every neuron there.
      </p>
    </div>
  );
}
