/** Standard base64 for bytes: atob/btoa exist in browsers, workers and Node, unlike Buffer. */

/** Standard base64 of `bytes`. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: spreading a whole large array into fromCharCode overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The bytes of standard base64 `text`; throws on characters outside base64. */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
