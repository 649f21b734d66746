// Evaluated once per worker however many modules import it.
let count = 0;
export function bump() {
  count += 1;
  return count;
}
