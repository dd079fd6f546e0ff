/** Typed arrays travel inside the JSON model as base64: exact, and a third of the size of numbers. */
export function encodeTypedArray(values: Float32Array | Int32Array | Uint16Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const { Buffer } = globalThis as { Buffer?: typeof import('node:buffer').Buffer };
  if (Buffer) return Buffer.from(bytes).toString('base64');
  const chunks: string[] = [];
  for (let start = 0; start < bytes.length; start += 0x8000) {
    chunks.push(String.fromCharCode(...bytes.subarray(start, start + 0x8000)));
  }
  return btoa(chunks.join(''));
}

export function decodeFloat32(encoded: string): Float32Array {
  return new Float32Array(decodeBytes(encoded).buffer);
}

export function decodeInt32(encoded: string): Int32Array {
  return new Int32Array(decodeBytes(encoded).buffer);
}

export function decodeUint16(encoded: string): Uint16Array {
  return new Uint16Array(decodeBytes(encoded).buffer);
}

/** A fresh, aligned copy: typed-array views need their byte offset to be a multiple of 4. */
function decodeBytes(encoded: string): Uint8Array {
  const { Buffer } = globalThis as { Buffer?: typeof import('node:buffer').Buffer };
  return Buffer
    ? Uint8Array.from(Buffer.from(encoded, 'base64'))
    : Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0));
}
