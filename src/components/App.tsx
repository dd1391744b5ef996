// The app shell: a placeholder until the explorable lands.
export function App() {
  return (
    <main className="app">
      <h1>How a neural network learns</h1>
      <p>A real 784-16-16-10 network, trained on MNIST in your browser. The explorable is on its way.</p>
    </main>
  );
}
