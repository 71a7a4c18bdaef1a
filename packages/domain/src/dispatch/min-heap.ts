/**
 * A binary min-heap of (key, payload) pairs ordered by key, then by payload: equal keys come out
 * in payload order, which is how the solver breaks ties by id deterministically.
 */
export class MinHeap {
  private keys: number[] = [];
  private payloads: number[] = [];

  /** Builds a heap from parallel arrays in O(n). The arrays are taken over, not copied. */
  static from(keys: number[], payloads: number[]): MinHeap {
    const heap = new MinHeap();
    heap.keys = keys;
    heap.payloads = payloads;
    for (let i = (keys.length >> 1) - 1; i >= 0; i--) heap.siftDown(i);
    return heap;
  }

  get size(): number {
    return this.keys.length;
  }

  /** Key of the smallest pair; undefined when empty. */
  peekKey(): number | undefined {
    return this.keys[0];
  }

  /** Payload of the smallest pair; undefined when empty. */
  peekPayload(): number | undefined {
    return this.payloads[0];
  }

  push(key: number, payload: number): void {
    this.keys.push(key);
    this.payloads.push(payload);
    this.siftUp(this.keys.length - 1);
  }

  pop(): void {
    const lastKey = this.keys.pop();
    const lastPayload = this.payloads.pop();
    if (this.keys.length === 0 || lastKey === undefined || lastPayload === undefined) return;
    this.keys[0] = lastKey;
    this.payloads[0] = lastPayload;
    this.siftDown(0);
  }

  private less(a: number, b: number): boolean {
    const ka = this.keys[a] as number;
    const kb = this.keys[b] as number;
    return ka < kb || (ka === kb && (this.payloads[a] as number) < (this.payloads[b] as number));
  }

  private swap(a: number, b: number): void {
    const k = this.keys[a] as number;
    this.keys[a] = this.keys[b] as number;
    this.keys[b] = k;
    const p = this.payloads[a] as number;
    this.payloads[a] = this.payloads[b] as number;
    this.payloads[b] = p;
  }

  private siftUp(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(index: number): void {
    const n = this.keys.length;
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) return;
      const right = left + 1;
      const child = right < n && this.less(right, left) ? right : left;
      if (!this.less(child, i)) return;
      this.swap(i, child);
      i = child;
    }
  }
}
