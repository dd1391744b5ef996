// The measured roof of WebAssembly SIMD in this runtime (AssemblyScript): f32x4 multiply-adds on independent
// accumulators, as many as the registers hold, so that nothing waits on a result; `npm run bench` divides the
// step's FLOPs per second by this kernel's.

/** `rounds` rounds of a ← a·c + d on 12 independent f32x4 accumulators; returns a sum of them (so none is dead). */
export function roof(rounds: i32): f32 {
  const c = f32x4.splat(0.999);
  const d = f32x4.splat(0.001);
  let a0 = f32x4.splat(1);
  let a1 = f32x4.splat(2);
  let a2 = f32x4.splat(3);
  let a3 = f32x4.splat(4);
  let a4 = f32x4.splat(5);
  let a5 = f32x4.splat(6);
  let a6 = f32x4.splat(7);
  let a7 = f32x4.splat(8);
  let a8 = f32x4.splat(9);
  let a9 = f32x4.splat(10);
  let a10 = f32x4.splat(11);
  let a11 = f32x4.splat(12);
  for (let i = 0; i < rounds; i++) {
    a0 = f32x4.add(f32x4.mul(a0, c), d);
    a1 = f32x4.add(f32x4.mul(a1, c), d);
    a2 = f32x4.add(f32x4.mul(a2, c), d);
    a3 = f32x4.add(f32x4.mul(a3, c), d);
    a4 = f32x4.add(f32x4.mul(a4, c), d);
    a5 = f32x4.add(f32x4.mul(a5, c), d);
    a6 = f32x4.add(f32x4.mul(a6, c), d);
    a7 = f32x4.add(f32x4.mul(a7, c), d);
    a8 = f32x4.add(f32x4.mul(a8, c), d);
    a9 = f32x4.add(f32x4.mul(a9, c), d);
    a10 = f32x4.add(f32x4.mul(a10, c), d);
    a11 = f32x4.add(f32x4.mul(a11, c), d);
  }
  const s = f32x4.add(
    f32x4.add(f32x4.add(a0, a1), f32x4.add(a2, a3)),
    f32x4.add(
      f32x4.add(f32x4.add(a4, a5), f32x4.add(a6, a7)),
      f32x4.add(f32x4.add(a8, a9), f32x4.add(a10, a11)),
    ),
  );
  return f32x4.extract_lane(s, 0);
}
