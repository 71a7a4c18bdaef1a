/**
 * A binary min-heap of (key, payload) pairs ordered by key, then by payload: equal keys come out
 * in payload order, which is how the solver breaks ties by id deterministically.
 *
 * Backed by typed arrays that grow by doubling and are kept when the heap is cleared, so one heap
 * serves every item of a solve without allocating. Payloads are integers in [0, 2³¹).
 */
export class MinHeap {
  keys: Float64Array;
  payloads: Int32Array;
  size = 0;

  constructor(capacity = 16) {
    this.keys = new Float64Array(Math.max(1, capacity));
    this.payloads = new Int32Array(Math.max(1, capacity));
  }

  /** Empties the heap and makes room for `capacity` pairs (appended with `append`, then `heapify`). */
  reset(capacity: number): void {
    this.size = 0;
    if (this.keys.length < capacity) {
      const size = Math.max(capacity, this.keys.length * 2);
      this.keys = new Float64Array(size);
      this.payloads = new Int32Array(size);
    }
  }

  /** Adds a pair without restoring the heap order; call `heapify` before peeking. Needs `reset` room. */
  append(key: number, payload: number): void {
    const i = this.size++;
    this.keys[i] = key;
    this.payloads[i] = payload;
  }

  /** Restores the heap order in O(n) after `append`s. */
  heapify(): void {
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  /** Key of the smallest pair; only meaningful when size > 0. */
  peekKey(): number {
    return this.keys[0] as number;
  }

  /** Payload of the smallest pair; −1 when empty. */
  peekPayload(): number {
    return this.size > 0 ? (this.payloads[0] as number) : -1;
  }

  push(key: number, payload: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      const payloads = new Int32Array(this.payloads.length * 2);
      payloads.set(this.payloads);
      this.keys = keys;
      this.payloads = payloads;
    }
    // Sift up with a hole instead of swaps.
    const keysArr = this.keys;
    const payloadsArr = this.payloads;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keysArr[parent] as number;
      if (pk < key || (pk === key && (payloadsArr[parent] as number) < payload)) break;
      keysArr[i] = pk;
      payloadsArr[i] = payloadsArr[parent] as number;
      i = parent;
    }
    keysArr[i] = key;
    payloadsArr[i] = payload;
  }

  pop(): void {
    const last = --this.size;
    if (last <= 0) {
      this.size = Math.max(0, last);
      return;
    }
    this.keys[0] = this.keys[last] as number;
    this.payloads[0] = this.payloads[last] as number;
    this.siftDown(0);
  }

  private siftDown(index: number): void {
    const keys = this.keys;
    const payloads = this.payloads;
    const n = this.size;
    const key = keys[index] as number;
    const payload = payloads[index] as number;
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      let child = left;
      let ck = keys[left] as number;
      let cp = payloads[left] as number;
      const right = left + 1;
      if (right < n) {
        const rk = keys[right] as number;
        const rp = payloads[right] as number;
        if (rk < ck || (rk === ck && rp < cp)) {
          child = right;
          ck = rk;
          cp = rp;
        }
      }
      if (key < ck || (key === ck && payload < cp)) break;
      keys[i] = ck;
      payloads[i] = cp;
      i = child;
    }
    keys[i] = key;
    payloads[i] = payload;
  }
}
