// The search index's files are bytes: whole numbers written short (LEB128
// varints: 7 bits a byte), strings as UTF-8 after their length. The same
// code writes them in Node and reads them in the reader's browser.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Writes an index file, growing as needed. */
export class ByteWriter {
  #bytes = new Uint8Array(256);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  #reserve(more: number): void {
    if (this.#length + more <= this.#bytes.length) return;
    const grown = new Uint8Array(Math.max(this.#bytes.length * 2, this.#length + more));
    grown.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = grown;
  }

  /** A whole number from 0 to 2^53. */
  varint(value: number): this {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`a varint holds a whole number from 0, not ${value}`);
    this.#reserve(8);
    let rest = value;
    while (rest >= 0x80) {
      this.#bytes[this.#length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.#bytes[this.#length++] = rest;
    return this;
  }

  byte(value: number): this {
    this.#reserve(1);
    this.#bytes[this.#length++] = value & 0xff;
    return this;
  }

  bytes(values: Uint8Array): this {
    this.#reserve(values.length);
    this.#bytes.set(values, this.#length);
    this.#length += values.length;
    return this;
  }

  string(value: string): this {
    const encoded = encoder.encode(value);
    return this.varint(encoded.length).bytes(encoded);
  }

  /** What was written. */
  done(): Uint8Array {
    return this.#bytes.slice(0, this.#length);
  }

  /** What was written, not copied: valid until the next write. */
  view(): Uint8Array {
    return this.#bytes.subarray(0, this.#length);
  }

  /** Forgets what was written, keeping the memory for what comes next. */
  clear(): this {
    this.#length = 0;
    return this;
  }
}

/** Reads what a ByteWriter wrote; throws on a file cut short. */
export class ByteReader {
  readonly #bytes: Uint8Array;
  #at = 0;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  get done(): boolean {
    return this.#at >= this.#bytes.length;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.#bytes[this.#at++];
      if (byte === undefined) throw new Error("the search index's file ends inside a number");
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }

  byte(): number {
    const byte = this.#bytes[this.#at++];
    if (byte === undefined) throw new Error("the search index's file ends early");
    return byte;
  }

  bytes(length: number): Uint8Array {
    if (this.#at + length > this.#bytes.length) throw new Error("the search index's file ends early");
    const slice = this.#bytes.subarray(this.#at, this.#at + length);
    this.#at += length;
    return slice;
  }

  string(): string {
    return decoder.decode(this.bytes(this.varint()));
  }
}
