/**
 * A DOM list as an array, read by index. In a Firefox content script the page's objects come
 * wrapped, and their iterators are not always iterable (URLSearchParams' are not); indexing
 * always works.
 */
export function listToArray<T>(list: ArrayLike<T>): T[] {
  const array: T[] = [];
  for (let i = 0; i < list.length; i++) array.push(list[i]!);
  return array;
}
