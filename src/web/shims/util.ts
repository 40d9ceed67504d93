/** `node:util`'s promisify for the browser (Vite alias, vite.config.web.ts); see ./zlib.ts. */
export function promisify<A extends unknown[], R>(fn: (...args: [...A, (error: Error | null, result: R) => void]) => void): (...args: A) => Promise<R> {
  return (...args: A) => new Promise<R>((resolve, reject) => fn(...args, (error, result) => (error ? reject(error) : resolve(result))));
}
