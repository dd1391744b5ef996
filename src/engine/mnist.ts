// The MNIST constants, defined once: every image is MNIST_SIDE × MNIST_SIDE pixels, the network's input is one
// activation per pixel and its output one per digit.

/** Side of an MNIST digit in pixels (images are MNIST_SIDE × MNIST_SIDE). */
export const MNIST_SIDE = 28;
/** Pixels per image, the network's input size: 784. */
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;
/** Digits 0–9, the network's output size. */
export const MNIST_CLASSES = 10;
/** The digits themselves, 0 … 9: one per output neuron, one per label. */
export const MNIST_DIGITS: readonly number[] = Array.from({ length: MNIST_CLASSES }, (_, d) => d);
/** Images in the training split. */
export const MNIST_TRAIN_COUNT = 60_000;
/** Images in the test split. */
export const MNIST_TEST_COUNT = 10_000;
